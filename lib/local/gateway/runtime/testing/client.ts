/**
 * Test support: plain HTTP/1.1 and HTTPS clients aimed at an address and port with any Host
 * and SNI (what `curl -H Host: --resolve` does), with a fresh connection per request so each
 * request sees the gateway's current configuration and certificate.
 */
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';

/** A finished response. */
export interface TestResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Subject alternative names of the certificate the server presented (HTTPS only). */
  peerSan?: string;
}

/** One request. */
export interface TestRequest {
  address: string;
  port: number;
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** HTTPS with this SNI (defaults to `host` without port). */
  tls?: boolean;
  sni?: string;
}

/** Sends one request and reads the whole response. */
export function send(r: TestRequest): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const common = {
      host: r.address,
      port: r.port,
      path: r.path,
      method: r.method ?? 'GET',
      headers: { host: r.host, ...(r.headers ?? {}) },
      agent: false as const,
    };
    const onResponse = (res: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      const socket = res.socket as Partial<TLSSocket>;
      const peerSan = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate().subjectaltname : undefined;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ...(peerSan ? { peerSan } : {}),
        }),
      );
    };
    const req = r.tls
      ? https.request({ ...common, servername: r.sni ?? r.host.replace(/:\d+$/, ''), rejectUnauthorized: false }, onResponse)
      : http.request(common, onResponse);
    req.setTimeout(10_000, () => req.destroy(new Error(`${r.method ?? 'GET'} ${r.host}${r.path}: timed out`)));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** httpbin's JSON echo (the fields the tests read). */
export interface HttpbinEcho {
  url?: string;
  headers?: Record<string, string>;
  args?: Record<string, string | string[]>;
  method?: string;
  instance?: string;
}

/** Parses an httpbin JSON body. */
export function echoOf(res: TestResponse): HttpbinEcho {
  return JSON.parse(res.body) as HttpbinEcho;
}
