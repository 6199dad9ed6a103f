/**
 * Test support: a WebSocket-style backend (RFC 6455 handshake, then it echoes every byte) and a
 * raw client that performs the Upgrade through the gateway.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';

// RFC 6455 §1.3: the accept key proves the server understood the WebSocket handshake.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** `Sec-WebSocket-Accept` for a `Sec-WebSocket-Key`. */
export function wsAccept(key: string): string {
  return createHash('sha1').update(`${key}${GUID}`).digest('base64');
}

/** A running echo backend and the handshake heads it received. */
export interface WsBackend {
  port: number;
  handshakes: http.IncomingHttpHeaders[];
  stop(): Promise<void>;
}

/** Starts the backend; plain (non-Upgrade) requests get 426 Upgrade Required. */
export async function startWsBackend(): Promise<WsBackend> {
  const handshakes: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((_req, res) => res.writeHead(426, { 'content-length': 0 }).end());
  server.on('upgrade', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    handshakes.push(req.headers);
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
        `sec-websocket-accept: ${wsAccept(String(req.headers['sec-websocket-key']))}\r\n\r\n`,
    );
    if (head.length > 0) socket.write(head);
    socket.pipe(socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    handshakes,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Upgrades a connection to `address:port` with Host `host`, sends `payload` after the 101 and
 * resolves with the response head, what came back and the accept key a real server must send.
 */
export function wsExchange(
  address: string,
  port: number,
  host: string,
  payload: string,
): Promise<{ head: string; echoed: string; expectedAccept: string }> {
  const key = randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    let received = '';
    let head: string | undefined;
    const timer = setTimeout(() => socket.destroy(new Error(`no echo; received: ${received}`)), 10_000);
    socket.once('connect', () =>
      socket.write(
        `GET /chat HTTP/1.1\r\nhost: ${host}\r\nupgrade: websocket\r\nconnection: Upgrade\r\n` +
          `sec-websocket-key: ${key}\r\nsec-websocket-version: 13\r\n\r\n`,
      ),
    );
    socket.on('data', (c: Buffer) => {
      received += c.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (head === undefined && end >= 0) {
        head = received.slice(0, end);
        received = received.slice(end + 4);
        if (!head.startsWith('HTTP/1.1 101')) {
          clearTimeout(timer);
          socket.destroy();
          return resolve({ head, echoed: '', expectedAccept: wsAccept(key) });
        }
        socket.write(payload);
      }
      if (head !== undefined && received.length >= payload.length) {
        clearTimeout(timer);
        socket.end();
        resolve({ head, echoed: received, expectedAccept: wsAccept(key) });
      }
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
