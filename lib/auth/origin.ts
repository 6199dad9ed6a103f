/**
 * The Origin check of every mutation (issue #11 "Web hardening"): Next.js lets a server action
 * without an Origin through and gives route handlers no CSRF check at all, so the guard refuses a
 * state-changing request unless its Origin is the console's own (or an origin configured as
 * allowed). A missing Origin is refused too: browsers send one on every POST (Fetch §3.2.5 "origin
 * header"), so only a non-browser client, which can send any header anyway, omits it.
 */

/** Header names the check reads; a Headers-like getter keeps it independent of Next.js. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The origin this request was addressed to: scheme from the request URL (or X-Forwarded-Proto
 * when `trustProxy`), host from X-Forwarded-Host when `trustProxy`, else Host.
 */
export function ownOrigin(headers: HeaderSource, requestUrl: string | undefined, trustProxy: boolean): string | undefined {
  const forwardedHost = trustProxy ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = forwardedHost || headers.get('host')?.trim();
  if (!host) return undefined;
  const forwardedProto = trustProxy ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  let scheme = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : undefined;
  if (!scheme && requestUrl) {
    try {
      scheme = new URL(requestUrl).protocol.replace(':', '');
    } catch {
      scheme = undefined;
    }
  }
  try {
    return new URL(`${scheme ?? 'http'}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/**
 * Undefined when the request's Origin may mutate; otherwise the sentence to answer with. Compares
 * host and port of the Origin with the request's own host (the scheme may differ behind a
 * TLS-terminating proxy that does not say so) or with one of `allowed` exactly.
 */
export function originProblem(headers: HeaderSource, own: string | undefined, allowed: readonly string[]): string | undefined {
  const origin = headers.get('origin');
  if (!origin || origin === 'null')
    return 'The request has no Origin header: changes are accepted only from the Portico console in a browser.';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'The request has a malformed Origin header: changes are accepted only from the Portico console.';
  }
  if (allowed.includes(parsed.origin)) return undefined;
  if (own && new URL(own).host === parsed.host) return undefined;
  return `Changes are accepted only from the Portico console itself, not from ${parsed.origin}.`;
}
