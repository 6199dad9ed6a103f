/**
 * The local API server's OIDC authenticator against a real issuer endpoint (discovery document and
 * JWKS served on 127.0.0.1), with tokens signed as an issuer signs them. Expectations follow
 * kube-apiserver's --oidc-* flags.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcAuthenticator } from './oidc';
import { oidcOptionsFromEnv, oidcUser, usernamePrefix } from './oidc-claims';

let server: http.Server;
let issuer = '';
let key: CryptoKey;
let other: CryptoKey;
let advertisedIssuer: string | undefined;
let down = false;

const now = () => Math.floor(Date.now() / 1000);
async function sign(claims: JWTPayload, opts: { key?: CryptoKey; alg?: string; kid?: string } = {}): Promise<string> {
  return new SignJWT({ iss: issuer, aud: 'portico', sub: 'alice', iat: now(), exp: now() + 300, ...claims })
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: opts.kid ?? 'k1' })
    .sign(opts.key ?? key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  other = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = http.createServer((req, res) => {
    if (down) return void res.writeHead(503).end();
    if (req.url === '/.well-known/openid-configuration')
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: advertisedIssuer ?? issuer, jwks_uri: `${issuer}/jwks` }));
    if (req.url === '/jwks')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const authn = (extra: Partial<ConstructorParameters<typeof OidcAuthenticator>[0]> = {}) =>
  new OidcAuthenticator({ issuerUrl: issuer, clientId: 'portico', ...extra });

describe('OIDC id-token authentication', () => {
  it('accepts a token of the issuer for the client; the user name is prefixed with the issuer URL and #', async () => {
    const a = authn();
    const token = await sign({});
    expect(a.handles(token)).toBe(true);
    const r = await a.verify(token);
    expect(r).toEqual({
      user: { username: `${issuer}#alice`, uid: '', groups: ['system:authenticated'], extra: {} },
      audiences: [],
    });
    expect(a.cached(token)).toEqual(r);
  });

  it('refuses a token for another client, a tampered one, one signed by another key, an expired one, and HS256', async () => {
    const a = authn();
    expect(await a.verify(await sign({ aud: 'someone-else' }))).toMatchObject({ error: expect.stringMatching(/aud/) });
    const good = await sign({});
    const [h, p, s] = good.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'admin' }));
    expect(await a.verify(`${h}.${forgedClaims.toString('base64url')}.${s}`)).toMatchObject({
      error: expect.stringMatching(/signature/),
    });
    expect(await a.verify(await sign({}, { key: other }))).toMatchObject({ error: expect.stringMatching(/signature/) });
    expect(await a.verify(await sign({ exp: now() - 10, iat: now() - 100 }))).toMatchObject({
      error: expect.stringMatching(/exp/),
    });
    const hs = await new SignJWT({ iss: issuer, aud: 'portico', sub: 'x', exp: now() + 60 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!'));
    expect(await a.verify(hs)).toMatchObject({ error: expect.stringMatching(/alg/i) });
  });

  it('is not the authenticator of another issuer’s tokens', async () => {
    expect(authn().handles(await sign({ iss: 'https://elsewhere.example' }))).toBe(false);
    expect(authn().handles('not-a-jwt')).toBe(false);
  });

  it('refuses keys from a discovery document naming another issuer, and recovers once the issuer is up', async () => {
    advertisedIssuer = 'https://impostor.example';
    const token = await sign({});
    const a = authn();
    expect(await a.verify(token)).toMatchObject({ error: expect.stringMatching(/discovery: issuer/) });
    advertisedIssuer = undefined;
    down = true;
    const b = authn();
    expect(await b.verify(token)).toMatchObject({ error: expect.stringMatching(/503/) });
    down = false;
    expect(await b.verify(token)).toMatchObject({ user: { username: `${issuer}#alice` } });
  });

  it('reads the user name and groups from the configured claims', async () => {
    const a = authn({ usernameClaim: 'email', groupsClaim: 'groups', groupsPrefix: 'oidc:' });
    const r = await a.verify(await sign({ email: 'alice@example.com', email_verified: true, groups: ['ops', 'dev'] }));
    expect(r).toMatchObject({
      user: { username: 'alice@example.com', groups: ['oidc:ops', 'oidc:dev', 'system:authenticated'] },
    });
    expect(await a.verify(await sign({ email: 'eve@example.com', email_verified: false }))).toMatchObject({
      error: expect.stringMatching(/email not verified/),
    });
  });
});

describe('OIDC user mapping (kube-apiserver flags)', () => {
  const opts = { issuerUrl: 'https://id.example', clientId: 'c' };
  it('prefixes by default except for email, honours an explicit prefix and "-"', () => {
    expect(usernamePrefix(opts)).toBe('https://id.example#');
    expect(usernamePrefix({ ...opts, usernameClaim: 'email' })).toBe('');
    expect(usernamePrefix({ ...opts, usernamePrefix: 'oidc:' })).toBe('oidc:');
    expect(usernamePrefix({ ...opts, usernamePrefix: '-' })).toBe('');
  });
  it('needs the user name claim; takes a single-string groups claim; refuses a malformed one', () => {
    expect(oidcUser({ email: 'a@b' }, opts)).toMatchObject({ error: expect.stringMatching(/"sub"/) });
    expect(oidcUser({ sub: 'a', g: 'ops' }, { ...opts, groupsClaim: 'g' })).toMatchObject({
      user: { groups: ['ops', 'system:authenticated'] },
    });
    expect(oidcUser({ sub: 'a', g: [1] }, { ...opts, groupsClaim: 'g' })).toMatchObject({
      error: expect.stringMatching(/groups/),
    });
    expect(oidcUser({ sub: 'a' }, { ...opts, groupsClaim: 'g' })).toMatchObject({ user: { groups: ['system:authenticated'] } });
  });
  it('is configured from the console’s OIDC settings, or not at all', () => {
    expect(oidcOptionsFromEnv({ PORTICO_OIDC_ISSUER: 'https://id.example' })).toBeUndefined();
    expect(
      oidcOptionsFromEnv({
        PORTICO_OIDC_ISSUER: 'https://id.example',
        PORTICO_OIDC_CLIENT_ID: 'portico',
        PORTICO_OIDC_GROUPS_CLAIM: 'groups',
        PORTICO_OIDC_USERNAME_PREFIX: '-',
      }),
    ).toEqual({ issuerUrl: 'https://id.example', clientId: 'portico', groupsClaim: 'groups', usernamePrefix: '-' });
  });
});
