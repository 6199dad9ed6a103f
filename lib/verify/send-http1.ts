/**
 * One HTTP/1.1 exchange over a socket this module opened itself (so phases can be timed
 * and the certificate captured). The request line and headers are exactly the request's.
 */
import 'server-only';
import { request as httpRequest } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { summarizeCertificate } from './certificate';
import { openSocket, type Marks } from './connect';
import { collectBody, headersFromRaw, type Exchange, type ExchangeParams } from './exchange';
import type { VerificationRequest } from './types';

/** Sends `req` over HTTP/1.1 to `p.address:p.port` with `Host: req.host`. */
export async function exchangeHttp1(req: VerificationRequest, p: ExchangeParams): Promise<Exchange> {
  const marks: Marks = { start: process.hrtime.bigint() };
  const sni = req.sni ?? req.host;
  const socket = await openSocket({
    scheme: req.scheme,
    address: p.address,
    port: p.port,
    servername: sni,
    alpn: ['http/1.1'],
    marks,
    signal: p.signal,
  });
  const tls = req.scheme === 'https' ? summarizeCertificate(socket as TLSSocket, req.host) : undefined;
  return new Promise<Exchange>((resolve, reject) => {
    const cr = httpRequest({
      method: req.method,
      path: req.path,
      // The name travels only in Host (and SNI); the socket already points at the resolved IP.
      headers: { host: req.host, ...req.headers },
      setHost: false,
      // No agent: with createConnection and no agent, Node uses this very socket.
      createConnection: () => socket,
      signal: p.signal,
    });
    cr.once('error', reject);
    cr.once('response', (res) => {
      marks.firstByte = process.hrtime.bigint();
      collectBody(res, p.maxBodyBytes, () => {
        marks.end = process.hrtime.bigint();
      }).then(({ body, size, truncated }) => {
        socket.destroy();
        resolve({
          httpVersion: res.httpVersion,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage,
          headers: headersFromRaw(res.rawHeaders),
          body,
          size,
          truncated,
          marks,
          ...(tls ? { tls } : {}),
        });
      }, reject);
    });
    cr.end();
  });
}
