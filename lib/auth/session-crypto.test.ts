import { describe, expect, it } from 'vitest';
import { deriveSessionKey, seal, unseal } from './session-crypto';

describe('session cookie sealing (AES-256-GCM)', () => {
  const key = deriveSessionKey('a shared secret of several replicas, long enough');

  it('round-trips a payload with the same key, as another replica holding the secret would', () => {
    const sealed = seal({ user: 'jane', n: 1 }, key);
    expect(unseal(sealed, deriveSessionKey('a shared secret of several replicas, long enough'))).toEqual({ user: 'jane', n: 1 });
  });

  it('is cookie-safe and never shows the payload in clear', () => {
    const sealed = seal({ token: 'eyJhbGciOi-secret-bearer' }, key);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('secret-bearer');
  });

  it('uses a fresh IV each time (two seals of the same value differ)', () => {
    expect(seal({ a: 1 }, key)).not.toBe(seal({ a: 1 }, key));
  });

  it('refuses another key, any flipped bit, truncation and garbage', () => {
    const sealed = seal({ user: 'jane' }, key);
    expect(unseal(sealed, deriveSessionKey('another secret'))).toBeUndefined();
    const raw = Buffer.from(sealed, 'base64url');
    for (const i of [0, 5, 20, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[i] = bad[i]! ^ 1;
      expect(unseal(bad.toString('base64url'), key), `bit flipped at ${i}`).toBeUndefined();
    }
    expect(unseal(sealed.slice(0, -4), key)).toBeUndefined();
    expect(unseal('', key)).toBeUndefined();
    expect(unseal('not base64!', key)).toBeUndefined();
  });
});
