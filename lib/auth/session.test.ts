import { describe, expect, it } from 'vitest';
import { checkSession, credentialId, newSession } from './session';

const config = { mode: 'local' as const, accessToken: 'tok-1', idleMs: 60 * 60_000, maxAgeMs: 12 * 3_600_000 };
const t0 = Date.UTC(2026, 0, 1);

describe('session lifetime', () => {
  const session = newSession({ mode: 'local', user: 'local', credential: 'tok-1', now: t0 });

  it('is live right after sign-in and while used within the idle window', () => {
    expect(checkSession(session, config, t0).ok).toBe(true);
    expect(checkSession({ ...session, seenAt: t0 + 11 * 3_600_000 }, config, t0 + 11.5 * 3_600_000).ok).toBe(true);
  });

  it('ends after the idle limit without use', () => {
    expect(checkSession(session, config, t0 + 61 * 60_000)).toEqual({ ok: false, problem: 'idle' });
  });

  it('ends at the absolute limit even when used all along', () => {
    const used = { ...session, seenAt: t0 + 12 * 3_600_000 };
    expect(checkSession(used, config, t0 + 12 * 3_600_000 + 1)).toEqual({ ok: false, problem: 'expired' });
  });

  it('ends when the access token changed since sign-in', () => {
    expect(checkSession(session, { ...config, accessToken: 'tok-2' }, t0)).toEqual({ ok: false, problem: 'credential-changed' });
    expect(checkSession(session, { ...config, accessToken: undefined }, t0)).toEqual({
      ok: false,
      problem: 'credential-changed',
    });
  });

  it('refuses a session of another mode or of a wrong shape', () => {
    expect(checkSession(session, { ...config, mode: 'token' }, t0)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkSession({ ...session, groups: 'admins' }, config, t0)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkSession(undefined, config, t0)).toEqual({ ok: false, problem: 'invalid' });
    const tokenless = newSession({ mode: 'token', user: 'sa', credential: 'x', now: t0 });
    expect(checkSession(tokenless, { ...config, mode: 'token' }, t0)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('keeps only a hash of the credential in local mode', () => {
    expect(JSON.stringify(session)).not.toContain('tok-1');
    expect(session.credentialId).toBe(credentialId('tok-1'));
    expect(credentialId('tok-1')).not.toBe(credentialId('tok-2'));
  });
});
