/**
 * RequestMirror (Gateway API HTTPRequestMirrorFilter, Extended): a copy of the request goes to
 * another backend, fire-and-forget; its response is discarded and its failure never affects
 * the client's request.
 */
import type { AnyRequest } from './binding';
import { sendBody, type RequestBody } from './request-body';
import type { AttemptRequest, UpstreamPool } from './upstream';

/** Sends a mirror copy; the request body, if any, is teed from the client's stream (or its buffered copy). */
export function mirrorRequest(pool: UpstreamPool, req: AnyRequest, body: RequestBody, attempt: AttemptRequest): void {
  const a = pool.start(attempt);
  sendBody(req, body, a.sink);
  a.response.then(
    (res) => res.body.resume(),
    // A dead mirror must not hold back the client's body through pipe back-pressure.
    () => {
      if (body.kind === 'stream') req.unpipe(a.sink as NodeJS.WritableStream);
    },
  );
}
