/**
 * The session a signed-in browser holds, sealed in its cookie, and the rules that end it. Pure:
 * time and configuration are passed in.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AuthConfig, AuthMode } from './config';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'portico-session';

/** What the sealed cookie carries. Never sent to the browser in the clear. */
export interface Session {
  v: 1;
  /** Random id: rate limits and audit records refer to it, never to the credential. */
  id: string;
  mode: AuthMode;
  /** The user as the API knows them (`local` mode: the console operator). */
  user: string;
  groups: string[];
  /** Sign-in time (ms since epoch): the absolute expiry counts from here. */
  issuedAt: number;
  /** Last request seen (ms): the idle expiry counts from here. */
  seenAt: number;
  /** Which credential signed in (a hash): a changed access token or bearer token ends the session. */
  credentialId: string;
  /** `token` and `oidc` modes: the user's Kubernetes bearer token (or id-token), used for every API call of theirs. */
  token?: string;
  /** When the credential itself expires (ms; an OIDC id-token's `exp`): the session ends then at the latest. */
  expiresAt?: number;
}

/** Why a cookie does not make a session; each maps to a sentence the sign-in page shows. */
export type SessionProblem = 'missing' | 'invalid' | 'idle' | 'expired' | 'credential-changed';

/** Short, non-reversible id of a credential (sha256, first 128 bits, hex). */
export function credentialId(credential: string): string {
  return createHash('sha256').update(credential).digest('hex').slice(0, 32);
}

/** A new session for `user`, signed in now with `credential`. */
export function newSession(input: {
  mode: AuthMode;
  user: string;
  groups?: string[];
  credential: string;
  token?: string;
  expiresAt?: number;
  now: number;
}): Session {
  return {
    v: 1,
    id: randomUUID(),
    mode: input.mode,
    user: input.user,
    groups: input.groups ?? [],
    issuedAt: input.now,
    seenAt: input.now,
    credentialId: credentialId(input.credential),
    ...(input.token ? { token: input.token } : {}),
    ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
  };
}

function isSession(value: unknown): value is Session {
  if (!value || typeof value !== 'object') return false;
  const s = value as Record<string, unknown>;
  return (
    s.v === 1 &&
    typeof s.id === 'string' &&
    (s.mode === 'local' || s.mode === 'token' || s.mode === 'oidc') &&
    typeof s.user === 'string' &&
    Array.isArray(s.groups) &&
    s.groups.every((g) => typeof g === 'string') &&
    typeof s.issuedAt === 'number' &&
    typeof s.seenAt === 'number' &&
    typeof s.credentialId === 'string' &&
    (s.token === undefined || typeof s.token === 'string') &&
    (s.expiresAt === undefined || typeof s.expiresAt === 'number')
  );
}

/**
 * Decides whether an opened cookie value is a live session under `config` at `now`: of the
 * configured mode, signed in with the current access token (local mode), not idle for longer than
 * the idle limit and not older than the absolute limit.
 */
export function checkSession(
  value: unknown,
  config: Pick<AuthConfig, 'mode' | 'accessToken' | 'idleMs' | 'maxAgeMs'>,
  now: number,
): { ok: true; session: Session } | { ok: false; problem: SessionProblem } {
  if (value === undefined) return { ok: false, problem: 'invalid' };
  if (!isSession(value) || value.mode !== config.mode) return { ok: false, problem: 'invalid' };
  if (value.mode !== 'local' && !value.token) return { ok: false, problem: 'invalid' };
  if (now - value.issuedAt > config.maxAgeMs || value.issuedAt > now + 60_000) return { ok: false, problem: 'expired' };
  if (value.expiresAt !== undefined && now >= value.expiresAt) return { ok: false, problem: 'expired' };
  if (now - value.seenAt > config.idleMs) return { ok: false, problem: 'idle' };
  if (value.mode === 'local' && (!config.accessToken || value.credentialId !== credentialId(config.accessToken)))
    return { ok: false, problem: 'credential-changed' };
  return { ok: true, session: value };
}

/** What the sign-in page says for each {@link SessionProblem}. */
export const problemText: Record<SessionProblem, string> = {
  missing: 'Sign in to use Portico.',
  invalid: 'Your session is not valid here (it may be from another Portico instance): sign in again.',
  idle: 'Your session ended after a period of inactivity: sign in again.',
  expired: 'Your session reached its maximum age: sign in again.',
  'credential-changed': 'The access token changed since you signed in: sign in with the new one.',
};
