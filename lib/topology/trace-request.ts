/**
 * The trace box's input (a URL, or host and path, with method and headers)
 * turned into the routing engine's request model.
 */
import { z } from 'zod';
import type { HttpRequestInput } from '@/lib/gateway-api/routing';

/** What the trace box (or an API caller) sends. */
export const traceInputSchema = z.object({
  url: z.string().trim().max(2048).optional(),
  scheme: z.enum(['http', 'https']).optional(),
  host: z.string().trim().max(253).optional(),
  port: z.coerce.number().int().min(1).max(65535).optional(),
  path: z.string().max(2048).optional(),
  method: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,16}$/, 'method must be letters, e.g. GET')
    .default('GET'),
  /** `Name: value` lines or a name → value object. */
  headers: z.union([z.array(z.string().max(8192)), z.record(z.string(), z.string().max(8192))]).optional(),
});

/** Parsed trace box input. */
export type TraceInput = z.infer<typeof traceInputSchema>;

/** A parsed request, or a sentence saying what is wrong with the input. */
export type TraceRequestResult = { ok: true; request: HttpRequestInput } | { ok: false; error: string };

/** Splits `Name: value` lines into a header bag; later lines with the same name are appended. */
export function parseHeaderLines(lines: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return `Header "${line}" is not in the form Name: value`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) return `Header name "${name}" has characters HTTP does not allow`;
    out[name] = out[name] === undefined ? value : `${out[name]},${value}`;
  }
  return out;
}

/**
 * Builds the request. With a URL, its host is the Host header unless a
 * `Host` header is given; then the URL's host is the address dialled (the
 * walkthrough's `curl -HHost:httpbin.aliyun.com http://<gateway-ip>/get`).
 */
export function toHttpRequest(input: TraceInput): TraceRequestResult {
  const headers = Array.isArray(input.headers)
    ? parseHeaderLines(input.headers)
    : Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if (typeof headers === 'string') return { ok: false, error: headers };
  let scheme = input.scheme ?? 'http';
  let urlHost = input.host;
  let port = input.port;
  let path = input.path ?? '/';
  if (input.url) {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input.url) ? input.url : `http://${input.url}`;
    let u: URL;
    try {
      u = new URL(withScheme);
    } catch {
      return { ok: false, error: `"${input.url}" is not a URL; enter e.g. http://httpbin.aliyun.com/get` };
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return { ok: false, error: `Only http and https URLs can be traced, not ${u.protocol}` };
    scheme = u.protocol === 'https:' ? 'https' : 'http';
    urlHost = u.hostname.replace(/^\[|\]$/g, '');
    port = u.port ? Number(u.port) : port;
    path = `${u.pathname}${u.search}`;
  }
  if (!urlHost) return { ok: false, error: 'Enter a URL or a host to trace' };
  const hostHeader = headers.host;
  const request: HttpRequestInput = {
    scheme,
    host: hostHeader ?? urlHost,
    port: port ?? (scheme === 'https' ? 443 : 80),
    method: input.method,
    path: path.startsWith('/') ? path : `/${path}`,
    headers: { ...headers, host: hostHeader ?? urlHost },
    ...(hostHeader ? { address: urlHost } : {}),
  };
  return { ok: true, request };
}
