/**
 * IP and CIDR parsing with Go `net/netip` strictness (no leading zeros, no zones, no IPv4-mapped
 * IPv6), as the Kubernetes CEL `ip`/`cidr` libraries and the OpenAPI `ipv4`/`ipv6` formats require.
 */

/** Bytes of a strict dotted-quad IPv4 address, or undefined. */
export function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** The 16 bytes of an IPv6 address (embedded IPv4 tail allowed), or undefined. Zones are refused. */
export function parseIPv6(s: string): number[] | undefined {
  if (s.includes('%') || !s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const group = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (const [i, g] of items.entries()) {
      if (i === items.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4) return undefined;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
        const n = parseInt(g, 16);
        out.push(n >> 8, n & 255);
      }
    }
    return out;
  };
  const head = group(halves[0] ?? '');
  const tail = halves.length === 2 ? group(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  if (head.length + tail.length > 14) return undefined;
  return [...head, ...new Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

/** A parsed IP: family and bytes. */
export interface ParsedIP {
  family: 4 | 6;
  bytes: number[];
}

/** Parses an IP as the kube CEL `ip()` accepts it (IPv4-mapped IPv6 refused). */
export function parseIP(s: string): ParsedIP | undefined {
  const v4 = parseIPv4(s);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIPv6(s);
  if (!v6) return undefined;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 255 && v6[11] === 255;
  return mapped ? undefined : { family: 6, bytes: v6 };
}

/** Canonical text of an IP (RFC 5952 for IPv6). */
export function formatIP(ip: ParsedIP): string {
  if (ip.family === 4) return ip.bytes.join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** A parsed CIDR. */
export interface ParsedCIDR {
  ip: ParsedIP;
  prefix: number;
}

/** Parses `addr/len` as the kube CEL `cidr()` accepts it. */
export function parseCIDR(s: string): ParsedCIDR | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const len = s.slice(slash + 1);
  if (!ip || !/^(0|[1-9][0-9]*)$/.test(len)) return undefined;
  const prefix = Number(len);
  return prefix > (ip.family === 4 ? 32 : 128) ? undefined : { ip, prefix };
}

/** Whether `ip` lies inside `cidr`. */
export function cidrContains(cidr: ParsedCIDR, ip: ParsedIP): boolean {
  if (cidr.ip.family !== ip.family) return false;
  for (let bit = 0; bit < cidr.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((cidr.ip.bytes[byte] ?? 0) & mask) !== ((ip.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}
