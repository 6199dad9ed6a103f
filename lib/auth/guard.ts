import 'server-only';
import { clearCookie, readCookie } from './cookie-header';
import { originProblem, ownOrigin } from './origin';
import { authConfig, openSessionCookie, sessionSetCookie, touched } from './server-session';
import { problemText, SESSION_COOKIE, type Session } from './session';
import { credentialProblem } from './token-check';

/** Methods that change nothing (RFC 9110 §9.2.1 safe methods): only these skip the Origin check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether X-Forwarded-Host/Proto describe the browser's view (behind the deployment's ingress). */
export function trustProxy(): boolean {
  return process.env.PORTICO_TRUST_PROXY === '1';
}

const refuse = (status: number, message: string, extra: Record<string, string> = {}, reason?: string) =>
  Response.json(
    { error: message, message, ...(reason ? { reason } : {}) },
    { status, headers: { 'cache-control': 'no-store', ...extra } },
  );

/**
 * Decides whether `request` may proceed: a live session in the cookie and, for anything but a safe
 * method, an Origin of the console itself. Answers the session, or the refusal to send as is.
 */
export async function authorizeRequest(
  request: Request,
): Promise<{ ok: true; session: Session } | { ok: false; response: Response }> {
  const config = authConfig();
  if (!SAFE_METHODS.has(request.method.toUpperCase())) {
    const problem = originProblem(request.headers, ownOrigin(request.headers, request.url, trustProxy()), config.allowedOrigins);
    if (problem) return { ok: false, response: refuse(403, problem) };
  }
  const opened = openSessionCookie(readCookie(request.headers.get('cookie'), SESSION_COOKIE), config);
  // `reason` lets the page send the user to sign-in with the matching sentence (lib/auth/sign-in-href.ts).
  if (!opened.ok) return { ok: false, response: refuse(401, problemText[opened.problem], {}, opened.problem) };
  const revoked = await credentialProblem(opened.session);
  if (revoked)
    return {
      ok: false,
      response: refuse(401, revoked, { 'set-cookie': clearCookie(SESSION_COOKIE, config.secureCookies) }, 'revoked'),
    };
  return { ok: true, session: opened.session };
}

/**
 * Wraps a route handler so it runs only for a signed-in user (and, for mutations, from the
 * console's own Origin). This, not middleware, is the boundary (issue #11: middleware has been
 * bypassed, e.g. CVE-2025-29927). Every app/api route except /api/health and sign-in uses it.
 */
export function guardRoute<C>(
  handler: (request: Request, context: C, session: Session) => Response | Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const auth = await authorizeRequest(request);
    if (!auth.ok) return auth.response;
    const response = await handler(request, context, auth.session);
    const fresh = touched(auth.session);
    if (!fresh) return response;
    const cookie = sessionSetCookie(fresh);
    try {
      response.headers.append('set-cookie', cookie);
      return response;
    } catch {
      // Immutable headers (e.g. Response.redirect): copy the response to add the cookie.
      const copy = new Response(response.body, response);
      copy.headers.append('set-cookie', cookie);
      return copy;
    }
  };
}
