/**
 * RequestMirror (Gateway API HTTPRequestMirrorFilter, Extended): a copy of the request goes to
 * another backend, fire-and-forget; its response is discarded and its failure never affects
 * the client's request.
 */
import type { AnyRequest } from './binding';
import type { AttemptRequest, UpstreamPool } from './upstream';

/** Sends a mirror copy; the request body, if any, is teed from the client's stream. */
export function mirrorRequest(pool: UpstreamPool, req: AnyRequest, hasBody: boolean, attempt: AttemptRequest): void {
  const a = pool.start(attempt);
  if (hasBody) req.pipe(a.sink);
  else a.sink.end();
  a.response.then(
    (res) => res.body.resume(),
    // A dead mirror must not hold back the client's body through pipe back-pressure.
    () => {
      if (hasBody) req.unpipe(a.sink as NodeJS.WritableStream);
    },
  );
}
