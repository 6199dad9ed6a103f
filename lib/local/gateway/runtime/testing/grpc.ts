/**
 * Test support: a gRPC-speaking HTTP/2 cleartext server without a gRPC library (length-prefixed
 * messages and `grpc-status` trailers, per the gRPC over HTTP/2 protocol spec), and a client
 * call over h2c or TLS with ALPN h2, returning headers, the message and the trailers.
 */
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';

/** One length-prefixed gRPC message: compressed flag 0, 4-byte big-endian length, payload. */
export function grpcFrame(payload: string): Buffer {
  const body = Buffer.from(payload);
  const head = Buffer.alloc(5);
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** The payload of the first message in `data`, or undefined when incomplete. */
export function grpcPayload(data: Buffer): string | undefined {
  if (data.length < 5) return undefined;
  const len = data.readUInt32BE(1);
  return data.length >= 5 + len ? data.subarray(5, 5 + len).toString('utf8') : undefined;
}

/** A running gRPC echo backend. */
export interface GrpcBackend {
  port: number;
  stop(): Promise<void>;
}

/**
 * Answers every call with `x-backend: <name>`, the request message echoed back as
 * `<name>:<path>:<message>`, and trailers `grpc-status: 0`, `grpc-message`, `x-trailer`.
 */
export async function startGrpcBackend(name: string): Promise<GrpcBackend> {
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', 'x-backend': name, 'x-te': String(headers.te) },
        { waitForTrailers: true },
      );
      stream.on('wantTrailers', () =>
        stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': `served by ${name}`, 'x-trailer': 'kept' }),
      );
      stream.end(grpcFrame(`${name}:${String(headers[':path'])}:${grpcPayload(Buffer.concat(chunks)) ?? ''}`));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** What a call returned. */
export interface GrpcResult {
  /** Response headers (`:status`, `content-type`, and `grpc-status` for a trailers-only answer). */
  headers: http2.IncomingHttpHeaders;
  message?: string;
  trailers: http2.IncomingHttpHeaders;
  /** ALPN protocol of the connection (`h2` over TLS; undefined for h2c). */
  alpn?: string;
}

/** One unary call `/service/method` with Host `authority`, over h2c or (with `servername`) TLS. */
export function grpcCall(opts: {
  address: string;
  port: number;
  authority: string;
  path: string;
  message: string;
  servername?: string;
}): Promise<GrpcResult> {
  const url = `${opts.servername ? 'https' : 'http'}://${opts.address}:${opts.port}`;
  const session = http2.connect(url, opts.servername ? { servername: opts.servername, rejectUnauthorized: false } : {});
  return new Promise<GrpcResult>((resolve, reject) => {
    // `on`, not `once`: a second session error must not become an uncaught exception.
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': opts.path,
      ':authority': opts.authority,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.once('response', (h) => (headers = h));
    stream.once('trailers', (t) => (trailers = t));
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('error', reject);
    stream.once('close', () => {
      const message = grpcPayload(Buffer.concat(chunks));
      const alpn = session.alpnProtocol;
      resolve({ headers, trailers, ...(message !== undefined ? { message } : {}), ...(alpn ? { alpn } : {}) });
    });
    stream.end(grpcFrame(opts.message));
    setTimeout(() => stream.close(http2.constants.NGHTTP2_CANCEL), 10_000).unref();
  }).finally(() => session.close());
}
