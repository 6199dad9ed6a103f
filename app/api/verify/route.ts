import { guardRoute } from '@/lib/auth/guard';
import { cookies } from 'next/headers';
import { describeError } from '@/lib/k8s/errors';
import { exportRun, runVerifyAll } from '@/lib/k8s/verify-all';
import { issuesText, verifyAllInputSchema } from '@/lib/k8s/verify-input';
import { sessionId, startRun, VERIFY_SESSION_COOKIE } from '@/lib/k8s/verify-limits';
import type { VerifyAllEvent } from '@/lib/actions/verify-types';

export const dynamic = 'force-dynamic';

const json = (status: number, error: string) => Response.json({ error }, { status });

/** Verify-all: POST a scope, read progress as NDJSON (one VerifyAllEvent per line); close the stream to cancel. */
export const POST = guardRoute(async (request: Request, _context: unknown, signedIn) => {
  // A cross-site page must not start outbound requests with this user's cookie.
  const origin = request.headers.get('origin');
  if (origin && new URL(origin).host !== request.headers.get('host'))
    return json(403, 'Verify-all accepts requests from the console itself only.');
  const parsed = verifyAllInputSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return json(400, `Invalid verify-all request: ${issuesText(parsed.error)}.`);
  const jar = await cookies();
  const session = sessionId(jar.get(VERIFY_SESSION_COOKIE)?.value);
  if (session.fresh) jar.set(VERIFY_SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'strict', path: '/' });
  // Runs in flight are counted per signed-in session: a new verification cookie per request gains nothing.
  const release = startRun(signedIn.id);
  if (!release) return json(429, 'Verify-all is already running twice in this session: cancel a run or wait for it to finish.');
  const port = /:(\d{1,5})$/.exec(request.headers.get('host') ?? '')?.[1];
  const abort = new AbortController();
  request.signal.addEventListener('abort', () => abort.abort());
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (e: VerifyAllEvent) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      };
      runVerifyAll(parsed.data, session.id, port ? [Number(port)] : [], abort.signal, emit)
        .catch((err: unknown) =>
          emit({
            type: 'error',
            error: `Verify-all could not run: ${describeError(err)}. Check that the cluster is reachable and try again.`,
          }),
        )
        .finally(() => {
          release();
          if (!abort.signal.aborted) controller.close();
        });
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
});

/** The JSON or JUnit XML export of a run of this session: `?run=<id>&format=json|junit`. */
export const GET = guardRoute(async (request: Request) => {
  const url = new URL(request.url);
  const run = url.searchParams.get('run') ?? '';
  const format = url.searchParams.get('format') === 'junit' ? 'junit' : 'json';
  const session = (await cookies()).get(VERIFY_SESSION_COOKIE)?.value ?? '';
  const body = exportRun(run, session, format);
  if (body === undefined)
    return json(
      404,
      `Verification run ${run || '(none)'} is unknown or expired (runs are kept 30 minutes): run Verify all again.`,
    );
  return new Response(body, {
    headers: {
      'content-type': format === 'junit' ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="portico-verification.${format === 'junit' ? 'xml' : 'json'}"`,
      'cache-control': 'no-store',
    },
  });
});
