import { describe, expect, it } from 'vitest';
import { readAuthConfig } from './config';
import { oidcRedirectUri } from './oidc-redirect';

const base = {
  PORTICO_AUTH_MODE: 'oidc',
  PORTICO_OIDC_ISSUER: 'https://login.example.com/realms/ops',
  PORTICO_OIDC_CLIENT_ID: 'portico',
};

describe('OIDC mode configuration', () => {
  it('reads issuer, client and the default scopes; a missing secret means a public client (PKCE only)', () => {
    const c = readAuthConfig(base);
    expect(c.mode).toBe('oidc');
    expect(c.oidc).toEqual({
      issuer: 'https://login.example.com/realms/ops',
      clientId: 'portico',
      scopes: ['openid', 'profile', 'email'],
    });
  });
  it('reads the secret, custom scopes (always with openid, which the id-token needs) and the public URL', () => {
    const c = readAuthConfig({
      ...base,
      PORTICO_OIDC_CLIENT_SECRET: ' s3cret ',
      PORTICO_OIDC_SCOPES: 'groups, email',
      PORTICO_PUBLIC_URL: 'https://portico.example.com',
    });
    expect(c.oidc).toMatchObject({
      clientSecret: 's3cret',
      scopes: ['openid', 'groups', 'email'],
      publicUrl: 'https://portico.example.com',
    });
    expect(c.secureCookies).toBe(true);
  });
  it('fails naming every missing setting', () => {
    expect(() => readAuthConfig({ PORTICO_AUTH_MODE: 'oidc' })).toThrow(/PORTICO_OIDC_ISSUER and PORTICO_OIDC_CLIENT_ID/);
    expect(() => readAuthConfig({ ...base, PORTICO_OIDC_CLIENT_ID: ' ' })).toThrow(/needs PORTICO_OIDC_CLIENT_ID$/);
  });
  it('refuses an issuer that is not a URL, or plain http beyond loopback', () => {
    expect(() => readAuthConfig({ ...base, PORTICO_OIDC_ISSUER: 'login.example.com' })).toThrow(/must be a URL/);
    expect(() => readAuthConfig({ ...base, PORTICO_OIDC_ISSUER: 'http://login.example.com' })).toThrow(/https/);
    expect(readAuthConfig({ ...base, PORTICO_OIDC_ISSUER: 'http://127.0.0.1:5556/dex' }).oidc?.issuer).toBe(
      'http://127.0.0.1:5556/dex',
    );
  });
  it('has no OIDC settings in the other modes', () => {
    expect(readAuthConfig({ PORTICO_OIDC_ISSUER: 'https://x' }).oidc).toBeUndefined();
  });
});

describe('OIDC redirect URI', () => {
  const oidc = (publicUrl?: string) => ({
    issuer: 'https://i',
    clientId: 'c',
    scopes: ['openid'],
    ...(publicUrl ? { publicUrl } : {}),
  });
  it('is the public URL origin + the callback path, whatever host the request names', () => {
    const r = new Request('http://10.0.0.7:3000/api/auth/oidc/start', { headers: { host: 'evil.example' } });
    expect(oidcRedirectUri(oidc('https://portico.example.com/ignored/'), r)).toBe(
      'https://portico.example.com/api/auth/oidc/callback',
    );
  });
  it('without a public URL, is the request origin only on loopback', () => {
    const local = new Request('http://127.0.0.1:3000/api/auth/oidc/start', { headers: { host: '127.0.0.1:3000' } });
    expect(oidcRedirectUri(oidc(), local)).toBe('http://127.0.0.1:3000/api/auth/oidc/callback');
    const remote = new Request('http://portico.internal:3000/api/auth/oidc/start', {
      headers: { host: 'portico.internal:3000' },
    });
    expect(() => oidcRedirectUri(oidc(), remote)).toThrow(/PORTICO_PUBLIC_URL/);
  });
});
