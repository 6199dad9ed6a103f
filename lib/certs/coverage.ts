/**
 * Which listener hostnames a certificate's SANs cover. Pure and isomorphic (no keys), so forms
 * may preview coverage in the browser.
 *
 * Matching follows RFC 6125 §6.4.3 as tightened by RFC 9525 §6.3: only the subjectAltName is
 * consulted (never the CN, RFC 9525 §6.1), comparison is case-insensitive, and a wildcard is only
 * valid as the whole left-most label, standing for exactly one label.
 */
import type { HostnameCoverage } from './types';

function normalize(name: string): string {
  // A trailing dot is the absolute form of the same DNS name (RFC 1034 §3.1).
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** `*.example.com` → `example.com`; null for anything that is not a valid whole-label wildcard. */
function wildcardBase(name: string): string | null {
  if (!name.startsWith('*.')) return null;
  const base = name.slice(2);
  // `*.` followed by nothing, or a second `*`, is never a usable identifier (RFC 9525 §6.3).
  if (base === '' || base.includes('*')) return null;
  return base;
}

/**
 * True when one of `sans` covers `hostname` for TLS server authentication.
 *
 * - An exact hostname (`a.aliyun.com`) is covered by the same DNS SAN, or by a wildcard SAN
 *   whose `*` stands for its first label (`*.aliyun.com`), never by one that would need `*`
 *   to match zero labels (`aliyun.com`) or two (`a.b.aliyun.com`).
 * - A wildcard listener hostname (`*.aliyun.com`) is covered only by the identical wildcard SAN:
 *   the listener accepts any name under it, and only that SAN serves every one of them at the
 *   first level. (Gateway API listener wildcards also match deeper names (Listener.hostname, v1 API reference);
 *   those cannot be covered by a single SAN and are not claimed here.)
 * - IP addresses match textually.
 */
export function hostnameCoverage(sans: string[], hostname: string): boolean {
  return coveringSan(sans, hostname) !== undefined;
}

/** The first SAN covering `hostname`, by the rules of {@link hostnameCoverage}. */
export function coveringSan(sans: string[], hostname: string): string | undefined {
  const host = normalize(hostname);
  if (host === '') return undefined;
  const hostIsWildcard = host.startsWith('*.');
  const firstDot = host.indexOf('.');
  const hostParent = firstDot > 0 ? host.slice(firstDot + 1) : null;
  const exact = sans.find((s) => normalize(s) === host);
  if (exact !== undefined) return hostIsWildcard && wildcardBase(host) === null ? undefined : exact;
  if (hostIsWildcard || hostParent === null) return undefined;
  return sans.find((s) => {
    const base = wildcardBase(normalize(s));
    return base !== null && base === hostParent;
  });
}

/**
 * Coverage of every listener hostname by `sans`, in the order given (duplicates once).
 * Listeners without a hostname match any SNI and cannot be checked, so callers pass only set ones.
 */
export function coverageReport(sans: string[], listenerHostnames: string[]): HostnameCoverage[] {
  const seen = new Set<string>();
  const out: HostnameCoverage[] = [];
  for (const hostname of listenerHostnames) {
    const key = normalize(hostname);
    if (seen.has(key)) continue;
    seen.add(key);
    const by = coveringSan(sans, hostname);
    out.push(by === undefined ? { hostname, covered: false } : { hostname, covered: true, by });
  }
  return out;
}
