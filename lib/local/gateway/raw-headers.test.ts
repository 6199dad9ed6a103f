/**
 * Header hygiene on raw header lists must be exactly the proxy rules of headers.ts
 * (RFC 9110 §7.6.1 hop-by-hop removal, X-Forwarded-*), whichever representation a request takes.
 */
import { describe, expect, it } from 'vitest';
import { addForwarded, stripHopByHop } from './headers';
import { downstreamResponseHeaders, rawHeaderValue, upstreamRequestHeaders } from './raw-headers';

/** Folds a raw list the way Node folds a received head into `headers` (lower-case names, repeats joined). */
function fold(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

const info = { remoteAddress: '::ffff:10.0.0.7', scheme: 'http', host: 'a.example.com' };

describe('upstreamRequestHeaders', () => {
  it('drops hop-by-hop headers, Proxy-* and the ones Connection names (RFC 9110 §7.6.1)', () => {
    const raw = [
      'Host', 'a.example.com',
      'Connection', 'keep-alive, X-Private',
      'Keep-Alive', 'timeout=5',
      'TE', 'trailers',
      'Transfer-Encoding', 'chunked',
      'Upgrade', 'h2c',
      'Proxy-Authorization', 'Basic eA==',
      'X-Private', 'secret',
      'Accept', 'text/html',
    ]; // prettier-ignore
    const out = fold(upstreamRequestHeaders(raw, info, 'a.example.com'));
    expect(out).toEqual({
      host: 'a.example.com',
      accept: 'text/html',
      'x-forwarded-for': '10.0.0.7',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'a.example.com',
    });
  });

  it('agrees with the header-object path on the same request', () => {
    const raw = ['host', 'a.example.com', 'user-agent', 'curl/8', 'x-forwarded-for', '1.2.3.4', 'accept', '*/*'];
    const objectPath = stripHopByHop(fold(raw));
    addForwarded(objectPath, info);
    objectPath.host = info.host;
    expect(fold(upstreamRequestHeaders(raw, info, info.host))).toEqual(objectPath);
  });

  it('extends every incoming X-Forwarded-For value into one chain, sets -Proto, keeps a previous -Host', () => {
    const raw = [
      'x-forwarded-for', '1.1.1.1',
      'X-Forwarded-For', '2.2.2.2',
      'x-forwarded-proto', 'https',
      'x-forwarded-host', 'edge.example.com',
    ]; // prettier-ignore
    const out = upstreamRequestHeaders(raw, { ...info, remoteAddress: '127.0.0.1' }, 'b.example.com');
    expect(fold(out)).toEqual({
      host: 'b.example.com',
      'x-forwarded-for': '1.1.1.1, 2.2.2.2, 127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'edge.example.com',
    });
  });

  it('sends the rewritten Host (URLRewrite hostname) but X-Forwarded-Host keeps the one asked for', () => {
    const out = fold(upstreamRequestHeaders(['Host', 'a.example.com'], info, 'internal.svc'));
    expect(out.host).toBe('internal.svc');
    expect(out['x-forwarded-host']).toBe('a.example.com');
  });

  it('never forwards HTTP/2 pseudo-headers', () => {
    const out = upstreamRequestHeaders([':authority', 'a.example.com', ':path', '/', 'accept', '*/*'], info, 'a.example.com');
    expect(out.filter((_, i) => i % 2 === 0 && out[i]?.startsWith(':'))).toEqual([]);
  });
});

describe('downstreamResponseHeaders', () => {
  it("drops hop-by-hop headers, replaces the upstream's server and timing, keeps repeated fields apart", () => {
    const raw = [
      'Content-Type', 'application/json',
      'Connection', 'keep-alive',
      'Keep-Alive', 'timeout=5',
      'Server', 'httpbin',
      'Set-Cookie', 'a=1',
      'Set-Cookie', 'b=2',
      'x-envoy-upstream-service-time', '99',
    ]; // prettier-ignore
    expect(downstreamResponseHeaders(raw, 3, 'portico-gateway')).toEqual([
      'Content-Type', 'application/json',
      'Set-Cookie', 'a=1',
      'Set-Cookie', 'b=2',
      'x-envoy-upstream-service-time', '3',
      'server', 'portico-gateway',
    ]); // prettier-ignore
  });

  it('drops the headers a Connection header names', () => {
    const raw = ['Connection', 'close, X-Hop', 'X-Hop', '1', 'ETag', '"v1"'];
    expect(fold(downstreamResponseHeaders(raw, 0, 's'))).toEqual({
      etag: '"v1"',
      'x-envoy-upstream-service-time': '0',
      server: 's',
    });
  });
});

describe('rawHeaderValue', () => {
  it('finds a header by name, case-insensitively', () => {
    expect(rawHeaderValue(['Keep-Alive', 'timeout=5'], 'keep-alive')).toBe('timeout=5');
    expect(rawHeaderValue(['keep-alive-x', '1'], 'keep-alive')).toBeUndefined();
  });
});
