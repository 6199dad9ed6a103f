/**
 * The raw outcome of one request/response exchange, shared by the HTTP/1.1 and HTTP/2
 * senders, and the bounded body collector they both use.
 */
import 'server-only';
import type { Readable } from 'node:stream';
import type { Marks } from './connect';
import type { CertificateSummary } from './types';

/** One exchange, before rendering. */
export interface Exchange {
  httpVersion: string;
  status: number;
  statusText?: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** Bytes received before reading stopped (> body.length when truncated). */
  size: number;
  truncated: boolean;
  marks: Marks;
  tls?: CertificateSummary;
}

/** What a sender needs besides the request. */
export interface ExchangeParams {
  address: string;
  port: number;
  maxBodyBytes: number;
  signal: AbortSignal;
}

/**
 * Reads a body up to `max` bytes, then stops reading (destroying the stream) and flags
 * truncation, so a huge or endless response costs at most `max` bytes of memory.
 */
export function collectBody(
  stream: Readable,
  max: number,
  onEnd: () => void,
): Promise<{ body: Buffer; size: number; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let received = 0;
    let done = false;
    const finish = (truncated: boolean): void => {
      if (done) return;
      done = true;
      onEnd();
      resolve({ body: Buffer.concat(chunks), size: received, truncated });
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      received += chunk.length;
      const room = max - kept;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        kept += room;
        finish(true);
        stream.destroy();
        return;
      }
      chunks.push(chunk);
      kept += chunk.length;
    });
    stream.once('end', () => finish(false));
    stream.once('error', (err) => {
      if (!done) reject(err);
    });
    stream.once('close', () => {
      if (!done) reject(Object.assign(new Error('connection closed before the body ended'), { code: 'ECONNRESET' }));
    });
  });
}

/** Lower-case header record from raw `[name, value, …]` pairs, repeated values joined per RFC 9110 §5.3. */
export function headersFromRaw(raw: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    const prev = out[name];
    if (name === 'set-cookie') out[name] = [...(Array.isArray(prev) ? prev : prev ? [prev] : []), value];
    else out[name] = prev === undefined ? value : `${Array.isArray(prev) ? prev.join(', ') : prev}, ${value}`;
  }
  return out;
}
