/**
 * Opens the connection for one verification: TCP to an IP (never a name), then TLS with
 * SNI = the request host when https. Records when each phase ended.
 */
import 'server-only';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

/** hrtime marks (ns) of a connection's phases. */
export interface Marks {
  start: bigint;
  connected?: bigint;
  secured?: bigint;
  firstByte?: bigint;
  end?: bigint;
}

/** Parameters of {@link openSocket}. */
export interface OpenParams {
  scheme: 'http' | 'https';
  address: string;
  port: number;
  /** SNI; omitted when it is an IP (RFC 6066 forbids IP literals in server_name). */
  servername: string;
  alpn: string[];
  marks: Marks;
  signal: AbortSignal;
}

/** Connects and resolves once the socket is ready for the request (TLS handshake done). */
export function openSocket(p: OpenParams): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const sni = isIP(p.servername) ? undefined : p.servername;
    const socket: Socket | TLSSocket =
      p.scheme === 'https'
        ? tlsConnect({ host: p.address, port: p.port, servername: sni, ALPNProtocols: p.alpn, rejectUnauthorized: false })
        : netConnect({ host: p.address, port: p.port });
    const onAbort = (): void => {
      socket.destroy(p.signal.reason instanceof Error ? p.signal.reason : new Error('aborted'));
    };
    if (p.signal.aborted) onAbort();
    p.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      p.marks.connected = process.hrtime.bigint();
      if (p.scheme === 'http') resolve(socket);
    });
    socket.once('secureConnect', () => {
      p.marks.secured = process.hrtime.bigint();
      resolve(socket);
    });
    socket.once('error', reject);
    socket.once('close', () => {
      p.signal.removeEventListener('abort', onAbort);
      reject(new Error('connection closed before it was ready'));
    });
  });
}
