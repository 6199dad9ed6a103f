import 'server-only';
import { readAuthConfig, type AuthConfig } from './config';
import { serializeCookie } from './cookie-header';
import { checkSession, SESSION_COOKIE, type Session, type SessionProblem } from './session';
import { seal, unseal } from './session-crypto';
import { sessionKey } from './session-key';

/** A refreshed cookie is written at most this often, so every request does not re-encrypt. */
const TOUCH_EVERY_MS = 60_000;

/** The access-control configuration of this process (re-read each call: cheap, and tests change env). */
export function authConfig(): AuthConfig {
  return readAuthConfig(process.env);
}

/** The session a cookie value carries, or why there is none. */
export function openSessionCookie(
  value: string | undefined,
  config: AuthConfig = authConfig(),
  now = Date.now(),
): { ok: true; session: Session } | { ok: false; problem: SessionProblem } {
  if (!value) return { ok: false, problem: 'missing' };
  return checkSession(unseal(value, sessionKey(config)), config, now);
}

/** The sealed cookie value and its attributes (Max-Age: until the session's absolute expiry, or its credential's). */
export function sessionCookie(
  session: Session,
  config: AuthConfig = authConfig(),
  now = Date.now(),
): { name: string; value: string; maxAgeSeconds: number; secure: boolean } {
  return {
    name: SESSION_COOKIE,
    value: seal(session, sessionKey(config)),
    maxAgeSeconds: Math.floor((Math.min(session.issuedAt + config.maxAgeMs, session.expiresAt ?? Infinity) - now) / 1000),
    secure: config.secureCookies,
  };
}

/** The `Set-Cookie` value carrying `session`. */
export function sessionSetCookie(session: Session, config: AuthConfig = authConfig(), now = Date.now()): string {
  const c = sessionCookie(session, config, now);
  return serializeCookie(c.name, c.value, c);
}

/** The session with its last-seen time moved to `now`, or undefined when it is fresh enough already. */
export function touched(session: Session, now = Date.now()): Session | undefined {
  return now - session.seenAt >= TOUCH_EVERY_MS ? { ...session, seenAt: now } : undefined;
}
