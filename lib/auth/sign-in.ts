import 'server-only';
import { timingSafeEqual, createHash } from 'node:crypto';
import { reviewToken } from '@/lib/k8s/user-credentials';
import { K8sApiError } from '@/lib/k8s/request';
import { describeError } from '@/lib/k8s/errors';
import { writeAudit } from './audit';
import type { AuthConfig } from './config';
import { signInLimiter } from './rate-limit';
import { newSession, type Session } from './session';

/** The outcome of a sign-in attempt, with the HTTP status and sentence to answer a failure with. */
export type SignInOutcome = { ok: true; session: Session } | { ok: false; status: number; message: string; retryAfter?: number };

/** Constant-time comparison of two secrets of any length (hashing first hides the length). */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * Checks a credential and makes a session from it: in `local` mode the console's access token; in
 * `token` mode a Kubernetes bearer token, which the cluster itself authenticates (SelfSubjectReview).
 * Attempts are rate limited per client; every attempt is audited (never the credential).
 */
export async function signIn(credential: string, client: string, config: AuthConfig, now = Date.now()): Promise<SignInOutcome> {
  const record = signInAudit(now);
  if (!signInLimiter.take(client, now)) {
    record('anonymous', 'rate-limited');
    return {
      ok: false,
      status: 429,
      message: 'Too many sign-in attempts: wait a minute, then try again.',
      retryAfter: signInLimiter.retryAfterSeconds(client, now),
    };
  }
  if (config.mode === 'oidc')
    return {
      ok: false,
      status: 400,
      message: 'This console signs in at its OIDC issuer: use “Sign in with …” on the sign-in page.',
    };
  const value = credential.trim();
  if (!value || value.length > 16_384 || /[\s\0]/.test(value)) {
    record('anonymous', 'denied', 'malformed credential');
    return { ok: false, status: 400, message: 'Paste the token as a single line, without spaces.' };
  }
  if (config.mode === 'local') {
    if (!config.accessToken)
      return {
        ok: false,
        status: 503,
        message: 'This console has no access token: restart it with `npm start`, or set PORTICO_ACCESS_TOKEN.',
      };
    if (!sameSecret(value, config.accessToken)) {
      record('anonymous', 'denied', 'wrong access token');
      return { ok: false, status: 401, message: 'That access token is not this console’s: use the link printed at start.' };
    }
    const session = newSession({ mode: 'local', user: 'local', credential: value, now });
    record(session.user, 'ok');
    return { ok: true, session };
  }
  const reviewed = await reviewedSession(value, 'token', record, now);
  if (reviewed.ok) return reviewed;
  if (reviewed.refused)
    return {
      ok: false,
      status: 401,
      message: 'The cluster did not accept that token: check it has not expired or been revoked.',
    };
  return {
    ok: false,
    status: 502,
    message: `The cluster could not check the token: ${reviewed.detail}. Check the cluster connection and retry.`,
  };
}

/** Writes the audit record of one sign-in attempt (who, result, why; never the credential). */
export type SignInAudit = (user: string, result: string, message?: string) => void;

/** The audit writer of sign-in attempts made at `now`; `label` (e.g. `oidc`) prefixes every message. */
export function signInAudit(now: number, label?: string): SignInAudit {
  return (user, result, message) => {
    const text = label ? (message ? `${label}: ${message}` : label) : message;
    writeAudit({
      time: new Date(now).toISOString(),
      context: 'current',
      user,
      verb: 'sign-in',
      objects: [],
      result,
      ...(text ? { message: text } : {}),
    });
  };
}

/**
 * A session for a bearer token (a ServiceAccount token or an OIDC id-token) once the cluster itself has
 * authenticated it (SelfSubjectReview): the session is for the user the API says the token names. `refused`
 * when the API answered 401/403, else `detail` says what failed. Each outcome is audited.
 */
export async function reviewedSession(
  token: string,
  mode: 'token' | 'oidc',
  record: SignInAudit,
  now: number,
  expiresAt?: number,
): Promise<{ ok: true; session: Session } | { ok: false; refused: boolean; detail: string }> {
  try {
    const who = await reviewToken(token);
    const session = newSession({
      mode,
      user: who.username,
      groups: who.groups,
      credential: token,
      token,
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      now,
    });
    record(session.user, 'ok');
    return { ok: true, session };
  } catch (err) {
    if (err instanceof K8sApiError && (err.code === 401 || err.code === 403)) {
      record('anonymous', 'denied', `API answered ${err.code}`);
      return { ok: false, refused: true, detail: `API answered ${err.code}` };
    }
    record('anonymous', 'error', describeError(err));
    return { ok: false, refused: false, detail: describeError(err) };
  }
}
