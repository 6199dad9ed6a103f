import 'server-only';
import { cookies } from 'next/headers';
import { authConfig, openSessionCookie } from './server-session';
import { credentialId, SESSION_COOKIE } from './session';

/** The credentials lib/k8s must use for this request, and the key its cache is stored under. */
export type RequestCredentials = { kind: 'console' } | { kind: 'user'; token: string; key: string; user: string };

/**
 * Whose credentials the API calls of the current request use. `local` mode: the console's own
 * kubeconfig. `token` mode: the signed-in user's bearer token from their sealed session, never the
 * console's service account; without a session (or outside a request) this throws, so a code path
 * that forgot to check the session cannot fall back to the console's own rights.
 */
export async function requestCredentials(): Promise<RequestCredentials> {
  const config = authConfig();
  if (config.mode === 'local') return { kind: 'console' };
  let value: string | undefined;
  try {
    value = (await cookies()).get(SESSION_COOKIE)?.value;
  } catch {
    value = undefined;
  }
  const opened = openSessionCookie(value, config);
  if (!opened.ok || !opened.session.token) throw new Error('Sign in to read the cluster with your own credentials.');
  return { kind: 'user', token: opened.session.token, key: credentialId(opened.session.token), user: opened.session.user };
}
