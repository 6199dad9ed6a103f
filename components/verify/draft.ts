import type { RequestEdits, VerificationRequest } from '@/lib/actions/verify-types';

/** The editable form of a built request (strings while typing, headers as ordered rows). */
export interface Draft {
  scheme: 'http' | 'https';
  host: string;
  port: string;
  method: string;
  path: string;
  headers: Array<{ name: string; value: string }>;
  target: string;
  followRedirects: boolean;
  http2: boolean;
}

/** The draft a built request starts as. */
export function draftOf(r: VerificationRequest): Draft {
  return {
    scheme: r.scheme,
    host: r.host,
    port: String(r.port),
    method: r.method,
    path: r.path,
    headers: Object.entries(r.headers).map(([name, value]) => ({ name, value })),
    target: '',
    followRedirects: false,
    http2: r.http2 ?? false,
  };
}

/** The wildcard a host was made from (`*.aliyun.com`), read from the builder's note. */
export function wildcardOf(r: VerificationRequest): string | undefined {
  for (const n of r.notes) {
    const m = /^wildcard (\*\.[^ ]+) replaced by/.exec(n);
    if (m) return m[1];
  }
  return undefined;
}

/** The edits to send, or the first problem a user must fix (checked again on the server). */
export function editsOf(d: Draft): { ok: true; edits: RequestEdits } | { ok: false; error: string } {
  const port = Number(d.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { ok: false, error: `Port "${d.port}" is not a TCP port: enter 1-65535.` };
  if (!d.host.trim()) return { ok: false, error: 'Host is empty: enter the name the route answers, e.g. httpbin.aliyun.com.' };
  if (!d.path.startsWith('/')) return { ok: false, error: 'Path must start with "/".' };
  const headers: Record<string, string> = {};
  for (const h of d.headers) if (h.name.trim()) headers[h.name.trim()] = h.value;
  return {
    ok: true,
    edits: {
      scheme: d.scheme,
      host: d.host.trim(),
      port,
      method: d.method.trim().toUpperCase() || 'GET',
      path: d.path,
      headers,
      ...(d.target.trim() ? { target: d.target.trim() } : {}),
      ...(d.followRedirects ? { followRedirects: true } : {}),
      ...(d.http2 ? { http2: true } : {}),
    },
  };
}
