import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { openSessionCookie } from './server-session';
import { SESSION_COOKIE, type Session } from './session';
import { safeNextPath } from './next-path';
import { credentialProblem } from './token-check';

/** Request header the proxy sets to the path being requested, so sign-in can return there. */
export const PATH_HEADER = 'x-portico-path';

/**
 * The signed-in user's session for a server component, or a redirect to the sign-in page (with
 * the reason and the page to return to). The (console) layout calls it, so no console page renders
 * without a session; route handlers and actions check again themselves (guard.ts, guard-action.ts).
 */
export async function requireSession(): Promise<Session> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const opened = openSessionCookie(jar.get(SESSION_COOKIE)?.value);
  const revoked = opened.ok ? await credentialProblem(opened.session) : undefined;
  if (opened.ok && !revoked) return opened.session;
  const reason = opened.ok ? 'revoked' : opened.problem;
  redirect(`/sign-in?${new URLSearchParams({ next: safeNextPath(head.get(PATH_HEADER)), reason })}`);
}

/** The session of this request when there is a live one (for pages that render either way). */
export async function optionalSession(): Promise<Session | undefined> {
  const opened = openSessionCookie((await cookies()).get(SESSION_COOKIE)?.value);
  return opened.ok ? opened.session : undefined;
}
