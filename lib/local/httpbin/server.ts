/**
 * Starts a local httpbin: HTTP/1.1 and, on the same port, h2c with prior knowledge (what gRPC
 * clients speak), told apart by the HTTP/2 connection preface.
 */
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { createHttpbinHandler, type RequestSource } from './handler';
import type { ResponseSink } from './context';

/** Options for {@link startHttpbin}. */
export interface HttpbinOptions {
  /** Port to listen on; 0 or omitted picks a free one. */
  port?: number;
  /** Address to bind; defaults to 127.0.0.1. */
  host?: string;
  /** Instance name (e.g. `httpbin-v1`) stamped into responses, for version-routing demos. */
  instance?: string;
}

/** A running httpbin. */
export interface HttpbinServer {
  port: number;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops listening and closes open connections. */
  stop(): Promise<void>;
}

// Every HTTP/2 connection starts with this preface (RFC 9113 §3.4); no HTTP/1 method starts with "PRI ".
const H2_PREFACE_START = Buffer.from('PRI * HTTP/2.0');

/**
 * Starts an httpbin-compatible server.
 * @returns where it listens and how to stop it.
 */
export async function startHttpbin(opts: HttpbinOptions = {}): Promise<HttpbinServer> {
  const handler = createHttpbinHandler(opts.instance);
  const listener = (req: RequestSource, res: ResponseSink) => handler(req, res);
  const h1 = http.createServer((req, res) => listener(req, res));
  const h2 = http2.createServer((req, res) => listener(req as unknown as RequestSource, res as unknown as ResponseSink));
  const sockets = new Set<net.Socket>();

  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('error', () => socket.destroy());
    socket.once('readable', () => {
      const head = (socket.read() as Buffer | null) ?? Buffer.alloc(0);
      socket.unshift(head);
      const isH2 = head.subarray(0, H2_PREFACE_START.length).equals(H2_PREFACE_START);
      // Node's HTTP/1 server normally feeds its parser straight from the native handle, which would
      // skip the chunk just unshifted; marking the handle consumed keeps it on the JS 'data' path.
      const handle = (socket as unknown as { _handle?: { _consumed?: boolean } })._handle;
      if (handle) handle._consumed = true;
      (isH2 ? h2 : h1).emit('connection', socket);
    });
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = front.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    port,
    url: `http://${urlHost}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        front.close(() => resolve());
        for (const s of sockets) s.destroy();
        h1.close();
        h2.close();
      }),
  };
}
