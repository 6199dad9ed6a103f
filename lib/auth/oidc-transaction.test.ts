import { describe, expect, it } from 'vitest';
import { openTransaction, OIDC_TX_TTL_MS, sealTransaction, transactionCookie } from './oidc-transaction';
import { deriveSessionKey, seal } from './session-crypto';

const key = deriveSessionKey('k'.repeat(64));
const tx = {
  state: 's1',
  nonce: 'n1',
  verifier: 'v'.repeat(43),
  redirectUri: 'https://p.example/api/auth/oidc/callback',
  next: '/routes',
};
const t0 = Date.UTC(2026, 0, 1);

describe('OIDC transaction cookie', () => {
  it('opens what it sealed, within its lifetime only', () => {
    const value = sealTransaction(tx, key, t0);
    expect(openTransaction(value, key, t0 + 1000)).toMatchObject({ ...tx, kind: 'oidc-transaction' });
    expect(openTransaction(value, key, t0 + OIDC_TX_TTL_MS)).toBeUndefined();
  });
  it('refuses another key, an altered value, and a sealed value of another kind (e.g. a session)', () => {
    const value = sealTransaction(tx, key, t0);
    expect(openTransaction(value, deriveSessionKey('other'.repeat(8)), t0)).toBeUndefined();
    expect(openTransaction(`${value.slice(0, -2)}AA`, key, t0)).toBeUndefined();
    expect(openTransaction(seal({ v: 1, id: 'x', mode: 'oidc', state: 's1', exp: t0 + 5000 }, key), key, t0)).toBeUndefined();
    expect(openTransaction(undefined, key, t0)).toBeUndefined();
  });
  it('is HttpOnly, SameSite=Lax (the issuer returns cross-site), limited to the OIDC endpoints, Secure when asked', () => {
    expect(transactionCookie('abc', true)).toBe(
      'portico-oidc=abc; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=600; Secure',
    );
    expect(transactionCookie('', false)).toBe('portico-oidc=; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0');
  });
});
