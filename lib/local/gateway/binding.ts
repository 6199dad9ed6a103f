/**
 * One bound address:port: the accepting socket (plain TCP or TLS with SNI), and the HTTP/1.1
 * and HTTP/2 servers connections are handed to. Certificates can be swapped while serving.
 */
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { bindWithFallback, type PrivilegedPortPolicy } from './bind';
import { chooseCertificate, type LoadedCertificate } from './certificates';
import { handleClientError } from './client-errors';

/** Where a request came in. */
export interface ConnectionInfo {
  address: string;
  /** Port as configured. */
  port: number;
  /** Port actually bound (port+10000 when a privileged port was remapped). */
  boundPort: number;
  protocol: 'HTTP' | 'HTTPS';
}

/** A request from either HTTP version. */
export type AnyRequest = http.IncomingMessage | http2.Http2ServerRequest;
/** A response to either HTTP version. */
export type AnyResponse = http.ServerResponse | http2.Http2ServerResponse;

/** Callbacks a binding dispatches to. */
export interface BindingHandlers {
  onRequest(req: AnyRequest, res: AnyResponse, conn: ConnectionInfo): void;
  onUpgrade?(req: http.IncomingMessage, socket: Duplex, head: Buffer, conn: ConnectionInfo): void;
}

/** Options shared by all bindings of a listener set. */
export interface BindingOptions {
  maxHeaderSize: number;
  privilegedPorts: PrivilegedPortPolicy;
  /** Accept HTTP/2 with prior knowledge on plain HTTP ports (gRPC clients). */
  h2c: boolean;
}

// RFC 9113 §3.4: every HTTP/2 connection opens with this; no HTTP/1 method starts with "PRI ".
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0');

/** A live port. */
export interface Binding {
  readonly info: ConnectionInfo;
  /** Replaces the certificates served; new handshakes use them at once. */
  setCertificates(certs: LoadedCertificate[]): void;
  /** Stops accepting, lets in-flight requests finish, closes idle connections. */
  close(graceMs: number): Promise<void>;
}

/** Binds one address:port and starts serving. */
export async function openBinding(
  address: string,
  port: number,
  protocol: 'HTTP' | 'HTTPS',
  certs: LoadedCertificate[],
  handlers: BindingHandlers,
  opts: BindingOptions,
): Promise<Binding> {
  let current = certs;
  let closing = false;
  const info: ConnectionInfo = { address, port, boundPort: port, protocol };
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();

  const onRequest = (req: AnyRequest, res: AnyResponse) => {
    // A removed listener finishes what it has but must not keep the connection for more.
    if (closing && 'shouldKeepAlive' in res) res.shouldKeepAlive = false;
    handlers.onRequest(req, res, info);
  };
  const h1 = http.createServer({ maxHeaderSize: opts.maxHeaderSize }, onRequest);
  h1.on('clientError', handleClientError);
  h1.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (handlers.onUpgrade) handlers.onUpgrade(req, socket, head, info);
    else socket.destroy();
  });
  const h2 = http2.createServer({ maxHeaderListPairs: 512 }, onRequest);
  h2.on('session', (s: http2.ServerHttp2Session) => {
    sessions.add(s);
    s.once('close', () => sessions.delete(s));
  });

  const track = (socket: net.Socket) => {
    // http.createServer disables Nagle on accepted sockets; these come from our own net/tls front,
    // so do it here: with Nagle, a response split over two writes waits for the client's delayed
    // ACK (tens of ms per request under load).
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  let front: net.Server;
  if (protocol === 'HTTPS') {
    front = tls.createServer({
      ALPNProtocols: ['h2', 'http/1.1'],
      SNICallback: (name, cb) => cb(null, chooseCertificate(current, name)?.context),
    });
    front.on('secureConnection', (socket: tls.TLSSocket) => (socket.alpnProtocol === 'h2' ? h2 : h1).emit('connection', socket));
    front.on('tlsClientError', (_err, socket) => socket.destroy());
    front.on('connection', track);
  } else {
    front = net.createServer((socket) => {
      track(socket);
      if (!opts.h2c) return h1.emit('connection', socket);
      socket.once('readable', () => {
        const head = (socket.read() as Buffer | null) ?? Buffer.alloc(0);
        socket.unshift(head);
        // Node's HTTP/1 server would read the native handle directly and skip the unshifted bytes.
        const handle = (socket as unknown as { _handle?: { _consumed?: boolean } })._handle;
        if (handle) handle._consumed = true;
        const isH2 = head.subarray(0, H2_PREFACE.length).equals(H2_PREFACE);
        (isH2 ? h2 : h1).emit('connection', socket);
      });
    });
  }
  info.boundPort = await bindWithFallback(front, address, port, opts.privilegedPorts);

  return {
    info,
    setCertificates: (next) => {
      current = next;
    },
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        closing = true;
        const timer = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, graceMs);
        timer.unref();
        front.close(() => {
          clearTimeout(timer);
          resolve();
        });
        h1.closeIdleConnections();
        for (const s of sessions) s.close();
        // The servers never listened themselves; closing them stops their internal timers.
        h1.close();
        h2.close();
      }),
  };
}
