/** An OIDC session lives no longer than its id-token: the cookie, the check and what the browser is told agree. */
import { describe, expect, it } from 'vitest';
import { readAuthConfig } from './config';
import { sessionCookie } from './server-session';
import { checkSession, newSession } from './session';
import { sessionView } from './session-view';

const config = readAuthConfig({
  PORTICO_AUTH_MODE: 'oidc',
  PORTICO_OIDC_ISSUER: 'https://id.example',
  PORTICO_OIDC_CLIENT_ID: 'portico',
  PORTICO_SESSION_SECRET: 's'.repeat(64),
});
const t0 = Date.UTC(2026, 0, 1);
const exp = t0 + 15 * 60_000;
const session = newSession({
  mode: 'oidc',
  user: 'https://id.example#alice',
  credential: 'id.tok.en',
  token: 'id.tok.en',
  expiresAt: exp,
  now: t0,
});

describe('OIDC session lifetime', () => {
  it('is live until the id-token expires, then over, even when used', () => {
    expect(checkSession(session, config, exp - 1).ok).toBe(true);
    expect(checkSession({ ...session, seenAt: exp - 1 }, config, exp)).toEqual({ ok: false, problem: 'expired' });
  });
  it('needs its id-token and the OIDC mode', () => {
    const { token: _token, ...tokenless } = session;
    expect(checkSession(tokenless, config, t0)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkSession(session, { ...config, mode: 'token' }, t0)).toEqual({ ok: false, problem: 'invalid' });
  });
  it('has a cookie and a displayed end no later than the id-token’s expiry', () => {
    expect(sessionCookie(session, config, t0).maxAgeSeconds).toBe(15 * 60);
    expect(sessionView(session, config.maxAgeMs).expiresAt).toBe(new Date(exp).toISOString());
  });
});
