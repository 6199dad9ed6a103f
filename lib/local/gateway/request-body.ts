/**
 * Request bodies and retries (HTTPRouteRetry): a body already streamed to one upstream attempt
 * cannot be sent again, so on a route with retries a small body is read whole first and replayed
 * on every attempt (and to mirrors); a larger one streams once, without retries, as Envoy does
 * past its per-request buffer limit. Routes without retries always stream.
 */
import type { AnyRequest } from './binding';

/** Largest request body kept in memory so that a route with retries can replay it (64 KiB). */
export const REPLAY_BODY_LIMIT = 64 * 1024;

/** How the request body reaches an upstream attempt or a mirror. */
export type RequestBody =
  /** No body: the upstream request ends at once. */
  | { kind: 'none' }
  /** The whole body, read before the first attempt: sent again on every retry. */
  | { kind: 'buffered'; data: Buffer }
  /** Streamed from the client (`head`: chunks already read while trying to buffer); sent once. */
  | { kind: 'stream'; head: Buffer[] };

const NONE: RequestBody = { kind: 'none' };
const STREAM: RequestBody = { kind: 'stream', head: [] };

/** Whether an attempt with this body may be retried. */
export function replayable(body: RequestBody): boolean {
  return body.kind !== 'stream';
}

/** The body a request declares it will send, in bytes, when it declares one (`Content-Length`). */
function declaredLength(req: AnyRequest): number | undefined {
  const value = req.headers['content-length'];
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The body to send upstream. Without `retry`, or when the declared length exceeds `limit`, the
 * body streams (nothing is read here). Otherwise it is read up to `limit` bytes: a body that ends
 * within the limit is buffered; one that grows past it (chunked uploads have no declared length)
 * streams from where reading stopped. Resolves undefined when the client went away meanwhile.
 */
export function requestBody(
  req: AnyRequest,
  hasBody: boolean,
  retry: boolean,
  limit = REPLAY_BODY_LIMIT,
): RequestBody | Promise<RequestBody | undefined> {
  if (!hasBody) return NONE;
  const declared = declaredLength(req);
  if (!retry || (declared !== undefined && declared > limit)) return STREAM;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onClose);
    };
    function onData(chunk: Buffer): void {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= limit) return;
      // Paused before the listener goes: a flowing stream would drop what arrives meanwhile.
      req.pause();
      stop();
      resolve({ kind: 'stream', head: chunks });
    }
    function onEnd(): void {
      stop();
      resolve({ kind: 'buffered', data: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) });
    }
    function onGone(): void {
      stop();
      resolve(undefined);
    }
    function onClose(): void {
      if (!req.readableEnded) onGone();
    }
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onGone);
    req.once('close', onClose);
  });
}

/** Sends `body` into an upstream request stream and ends it (a streamed body is piped). */
export function sendBody(req: AnyRequest, body: RequestBody, sink: NodeJS.WritableStream): void {
  if (body.kind === 'none') sink.end();
  else if (body.kind === 'buffered') sink.end(body.data);
  else {
    for (const chunk of body.head) sink.write(chunk);
    req.pipe(sink);
  }
}
