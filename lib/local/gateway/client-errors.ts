/**
 * Answers requests Node's HTTP/1 parser rejects, so bad input gets a status instead of a
 * silent reset and never reaches (or crashes) the proxy.
 */
import type { Duplex } from 'node:stream';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Status for a parser error: 431 when the header section exceeded `maxHeaderSize`
 * (RFC 6585 §5), 408 for a header timeout, 400 for anything malformed (RFC 9112 §3).
 */
export function clientErrorStatus(err: NodeJS.ErrnoException): number {
  if (err.code === 'HPE_HEADER_OVERFLOW') return 431;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** The `clientError` listener for every HTTP/1 server of the gateway. */
export function handleClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // ECONNRESET and friends: the client is gone, nothing to answer.
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = clientErrorStatus(err);
  const body = `${REASONS[status] ?? 'Bad Request'}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\nserver: portico-gateway\r\ncontent-type: text/plain\r\n` +
      `content-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
  );
}
