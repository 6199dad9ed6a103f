/**
 * One HTTP/2 exchange (TLS with ALPN h2, or h2c with prior knowledge for http) over a
 * socket opened here, `:authority` = the request host.
 */
import 'server-only';
import { connect as h2connect, constants } from 'node:http2';
import type { TLSSocket } from 'node:tls';
import { summarizeCertificate } from './certificate';
import { openSocket, type Marks } from './connect';
import { collectBody, type Exchange, type ExchangeParams } from './exchange';
import type { VerificationRequest } from './types';

/** Sends `req` over HTTP/2 to `p.address:p.port`. */
export async function exchangeHttp2(req: VerificationRequest, p: ExchangeParams): Promise<Exchange> {
  const marks: Marks = { start: process.hrtime.bigint() };
  const socket = await openSocket({
    scheme: req.scheme,
    address: p.address,
    port: p.port,
    servername: req.sni ?? req.host,
    alpn: ['h2'],
    marks,
    signal: p.signal,
  });
  const tls = req.scheme === 'https' ? summarizeCertificate(socket as TLSSocket, req.host) : undefined;
  if (req.scheme === 'https' && (socket as TLSSocket).alpnProtocol !== 'h2') {
    socket.destroy();
    throw Object.assign(new Error('the listener did not negotiate HTTP/2 (ALPN h2)'), { code: 'ERR_NO_H2' });
  }
  const session = h2connect(`${req.scheme}://${req.host}:${req.port}`, { createConnection: () => socket });
  try {
    return await new Promise<Exchange>((resolve, reject) => {
      session.once('error', reject);
      const stream = session.request(
        {
          [constants.HTTP2_HEADER_METHOD]: req.method,
          [constants.HTTP2_HEADER_PATH]: req.path,
          [constants.HTTP2_HEADER_SCHEME]: req.scheme,
          [constants.HTTP2_HEADER_AUTHORITY]: req.host,
          ...Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v])),
        },
        { endStream: true, signal: p.signal },
      );
      stream.once('error', reject);
      stream.once('response', (h) => {
        marks.firstByte = process.hrtime.bigint();
        const headers: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(h))
          if (!k.startsWith(':') && v !== undefined)
            headers[k] = Array.isArray(v) ? (k === 'set-cookie' ? v : v.join(', ')) : String(v);
        let trailers: Record<string, string> = {};
        stream.once('trailers', (t) => {
          trailers = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, String(v)]));
        });
        collectBody(stream, p.maxBodyBytes, () => {
          marks.end = process.hrtime.bigint();
        }).then(({ body, size, truncated }) => {
          // gRPC puts its status in trailers; surface them with the headers.
          for (const [k, v] of Object.entries(trailers)) headers[k] ??= v;
          resolve({
            httpVersion: '2.0',
            status: Number(h[constants.HTTP2_HEADER_STATUS] ?? 0),
            headers,
            body,
            size,
            truncated,
            marks,
            ...(tls ? { tls } : {}),
          });
        }, reject);
      });
    });
  } finally {
    session.destroy();
    socket.destroy();
  }
}
