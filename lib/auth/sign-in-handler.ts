import 'server-only';
import { clearCookie } from './cookie-header';
import { writeAudit } from './audit';
import { authorizeRequest, trustProxy } from './guard';
import { safeNextPath } from './next-path';
import { originProblem, ownOrigin } from './origin';
import { authConfig, sessionSetCookie } from './server-session';
import { SESSION_COOKIE } from './session';
import { signIn } from './sign-in';

/** Largest sign-in form accepted: a long OIDC id-token fits many times over. */
const MAX_FORM_BYTES = 32 * 1024;

/** The key sign-in attempts are counted under: the client address when a trusted proxy tells it. */
export function clientKey(request: Request): string {
  if (!trustProxy()) return 'direct';
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
}

const seeOther = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', ...headers } });

const signInPage = (next: string, error: string) => `/sign-in?${new URLSearchParams({ next, error })}`;

async function exchange(request: Request, token: string, next: string): Promise<Response> {
  const config = authConfig();
  const outcome = await signIn(token, clientKey(request), config);
  if (!outcome.ok) {
    const headers: Record<string, string> = outcome.retryAfter ? { 'retry-after': String(outcome.retryAfter) } : {};
    // A browser is sent back to the form with the reason; a script gets the status it can act on.
    if ((request.headers.get('accept') ?? '').includes('text/html')) return seeOther(signInPage(next, outcome.message), headers);
    return Response.json(
      { error: outcome.message },
      { status: outcome.status, headers: { 'cache-control': 'no-store', ...headers } },
    );
  }
  return seeOther(next, { 'set-cookie': sessionSetCookie(outcome.session, config) });
}

/** GET /api/auth/sign-in?token=…&next=…: the link `npm start` prints (as Jupyter's `?token=`). */
export async function signInWithLink(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return exchange(request, url.searchParams.get('token') ?? '', safeNextPath(url.searchParams.get('next')));
}

/** POST /api/auth/sign-in (form: token, next): the sign-in page's form. Same-origin only. */
export async function signInWithForm(request: Request): Promise<Response> {
  const config = authConfig();
  const problem = originProblem(request.headers, ownOrigin(request.headers, request.url, trustProxy()), config.allowedOrigins);
  if (problem) return Response.json({ error: problem }, { status: 403 });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES)
    return Response.json({ error: 'The sign-in form is too large.' }, { status: 413 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: 'Send the sign-in form as application/x-www-form-urlencoded: token=…' }, { status: 400 });
  }
  const token = form.get('token');
  const next = safeNextPath(typeof form.get('next') === 'string' ? (form.get('next') as string) : '/');
  return exchange(request, typeof token === 'string' ? token : '', next);
}

/** POST /api/auth/sign-out: ends the session (the cookie is cleared) and returns to the sign-in page. */
export async function signOut(request: Request): Promise<Response> {
  const config = authConfig();
  const auth = await authorizeRequest(request);
  // An expired session signs out too; only a foreign Origin is refused (no cross-site sign-out).
  if (!auth.ok && auth.response.status === 403) return auth.response;
  if (auth.ok)
    writeAudit({
      time: new Date().toISOString(),
      context: 'current',
      user: auth.session.user,
      session: auth.session.id,
      verb: 'sign-out',
      objects: [],
      result: 'ok',
    });
  return seeOther('/sign-in?reason=signed-out', { 'set-cookie': clearCookie(SESSION_COOKIE, config.secureCookies) });
}
