/**
 * The proxy's header hygiene on flat `[name, value, name, value, …]` lists, Node's `rawHeaders`
 * shape, which `http.request({ headers })` and `res.writeHead(status, headers)` accept as is.
 * The common HTTP/1.1 exchange (no header filters) goes through these: one pass over what
 * arrived, no header object built for the upstream response, and no per-header `setHeader` in
 * Node's client. The rules are those of headers.ts (RFC 9110 §7.6.1 hop-by-hop removal,
 * X-Forwarded-*), only the representation differs.
 */

/** A flat header list: names at even indexes, their values at the next odd index. */
export type RawHeaderList = string[];

// RFC 9110 §7.6.1 plus the legacy ones proxies conventionally strip (same set as headers.ts).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'http2-settings']);

/**
 * Header names a `Connection` value lists beyond the usual `keep-alive`/`close`
 * (RFC 9110 §7.6.1: those must be removed too), or undefined when it lists none.
 */
function connectionNamed(raw: readonly string[]): Set<string> | undefined {
  let named: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length !== 10 || name.toLowerCase() !== 'connection') continue;
    const value = (raw[i + 1] as string).toLowerCase();
    if (value === 'keep-alive' || value === 'close') continue;
    for (const token of value.split(',')) {
      const t = token.trim();
      if (t) (named ??= new Set()).add(t);
    }
  }
  return named;
}

/** Whether a proxy drops this (lower-case) header name: hop-by-hop, `Proxy-*`, or named by `Connection`. */
function isHopByHop(lower: string, named: Set<string> | undefined): boolean {
  return HOP_BY_HOP.has(lower) || lower.startsWith('proxy-') || (named !== undefined && named.has(lower));
}

/**
 * The upstream request's headers for an HTTP/1.1 upstream, from the client's raw headers: hop-by-hop
 * ones removed, `Host` set to `host` (first, as clients send it), `X-Forwarded-For` extended with
 * the client address (all incoming values joined, as one chain), `X-Forwarded-Proto` set to the
 * listener's scheme, `X-Forwarded-Host` added with the Host the client asked for unless a
 * previous proxy set it. HTTP/2 pseudo-headers (`:authority`…) are not headers upstream.
 */
export function upstreamRequestHeaders(
  raw: readonly string[],
  info: { remoteAddress: string; scheme: string; host: string },
  host: string,
): RawHeaderList {
  const named = connectionNamed(raw);
  const out: RawHeaderList = ['host', host];
  let chain = '';
  let forwardedHost = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.charCodeAt(0) === 58 /* ':' */) continue;
    const lower = name.toLowerCase();
    if (lower === 'host' || lower === 'x-forwarded-proto' || isHopByHop(lower, named)) continue;
    const value = raw[i + 1] as string;
    if (lower === 'x-forwarded-for') {
      chain = chain ? `${chain}, ${value}` : value;
      continue;
    }
    if (lower === 'x-forwarded-host') forwardedHost = true;
    out.push(name, value);
  }
  const client = info.remoteAddress.startsWith('::ffff:') ? info.remoteAddress.slice(7) : info.remoteAddress;
  out.push('x-forwarded-for', chain ? `${chain}, ${client}` : client, 'x-forwarded-proto', info.scheme);
  if (!forwardedHost && info.host) out.push('x-forwarded-host', info.host);
  return out;
}

/**
 * The downstream response's headers from the upstream's raw headers: hop-by-hop ones removed, the
 * upstream's own `server` and `x-envoy-upstream-service-time` replaced by the gateway's (as
 * Envoy does), every other field passed on in the order and case received.
 */
export function downstreamResponseHeaders(raw: readonly string[], serviceMs: number, server: string): RawHeaderList {
  const named = connectionNamed(raw);
  const out: RawHeaderList = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (lower === 'server' || lower === 'x-envoy-upstream-service-time' || isHopByHop(lower, named)) continue;
    out.push(name, raw[i + 1] as string);
  }
  out.push('x-envoy-upstream-service-time', String(serviceMs), 'server', server);
  return out;
}

/** The value of a header in a raw list (first occurrence, name case-insensitive), if present. */
export function rawHeaderValue(raw: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return raw[i + 1];
  }
  return undefined;
}
