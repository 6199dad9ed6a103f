/**
 * The server side of a WebSocket (RFC 6455), just what the port-forward subresource needs:
 * the opening handshake with subprotocol choice, masked client frames in, unmasked binary
 * frames out, ping/pong and close. No dependency: the framing is small and fully specified.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key. */
const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A frame larger than this is a protocol error here (port-forward clients send socket reads, ≤ 64 KiB). */
const MAX_FRAME = 16 * 1024 * 1024;

const OP_CONTINUATION = 0x0;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/** An accepted WebSocket connection. */
export interface ServerWebSocket {
  /** The subprotocol agreed in the handshake ('' when the client offered none). */
  protocol: string;
  sendBinary(data: Buffer): void;
  /** Sends a close frame (1000 normal unless given) and ends the socket. */
  close(code?: number, reason?: string): void;
  onMessage(fn: (data: Buffer) => void): void;
  onClose(fn: () => void): void;
}

/** Whether the request asks to upgrade to WebSocket (RFC 6455 §4.2.1). */
export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (
    (req.headers.upgrade ?? '').toLowerCase() === 'websocket' &&
    typeof req.headers['sec-websocket-key'] === 'string' &&
    req.headers['sec-websocket-version'] === '13'
  );
}

/** The first of `supported` the client offered in Sec-WebSocket-Protocol (server preference order). */
export function chooseProtocol(req: IncomingMessage, supported: readonly string[]): string | undefined {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return supported.find((p) => offered.includes(p));
}

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.alloc(2) : len < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode; // FIN: every frame we send is whole
  if (len < 126) head[1] = len;
  else if (len < 65_536) {
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/**
 * Completes the handshake on an upgraded socket and returns the connection. `head` is what the
 * HTTP parser read past the request (may already hold the first frames).
 */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string): ServerWebSocket {
  const key = String(req.headers['sec-websocket-key']);
  const accept = createHash('sha1')
    .update(key + ACCEPT_GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n${protocol ? `Sec-WebSocket-Protocol: ${protocol}\r\n` : ''}\r\n`,
  );
  const messageFns: Array<(d: Buffer) => void> = [];
  const closeFns: Array<() => void> = [];
  let buf: Buffer = head.length ? Buffer.from(head) : Buffer.alloc(0);
  let fragments: Buffer[] = [];
  let closed = false;
  const finish = () => {
    if (closed) return;
    closed = true;
    for (const fn of closeFns) fn();
  };
  const ws: ServerWebSocket = {
    protocol,
    sendBinary: (data) => {
      if (!closed && socket.writable) socket.write(frame(OP_BINARY, data));
    },
    close: (code = 1000, reason = '') => {
      if (socket.writable) {
        const body = Buffer.alloc(2 + Buffer.byteLength(reason));
        body.writeUInt16BE(code, 0);
        body.write(reason, 2);
        socket.end(frame(OP_CLOSE, body));
      }
      finish();
    },
    onMessage: (fn) => void messageFns.push(fn),
    onClose: (fn) => void closeFns.push(fn),
  };
  const parse = () => {
    for (;;) {
      if (buf.length < 2) return;
      const b0 = buf[0] as number;
      const b1 = buf[1] as number;
      let len = b1 & 0x7f;
      let off = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        const big = buf.readBigUInt64BE(2);
        if (big > BigInt(MAX_FRAME)) return ws.close(1009, 'frame too large');
        len = Number(big);
        off = 10;
      }
      // RFC 6455 §5.1: a server must close the connection on an unmasked client frame.
      if ((b1 & 0x80) === 0) return ws.close(1002, 'client frames must be masked');
      if (len > MAX_FRAME) return ws.close(1009, 'frame too large');
      if (buf.length < off + 4 + len) return;
      const mask = buf.subarray(off, off + 4);
      const payload = Buffer.from(buf.subarray(off + 4, off + 4 + len));
      for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i & 3] as number);
      buf = buf.subarray(off + 4 + len);
      const opcode = b0 & 0x0f;
      if (opcode === OP_CLOSE) return ws.close(1000);
      if (opcode === OP_PING) {
        socket.write(frame(OP_PONG, payload));
        continue;
      }
      if (opcode === OP_PONG) continue;
      if (opcode !== OP_CONTINUATION) fragments = [];
      fragments.push(payload);
      if ((b0 & 0x80) === 0) continue; // more fragments follow
      const message = fragments.length === 1 ? (fragments[0] as Buffer) : Buffer.concat(fragments);
      fragments = [];
      for (const fn of messageFns) fn(message);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    parse();
  });
  socket.on('close', finish);
  socket.on('error', () => socket.destroy());
  // Frames that arrived with the upgrade request are parsed once the caller has attached handlers.
  queueMicrotask(parse);
  return ws;
}
