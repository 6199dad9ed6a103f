/**
 * Test support: a real OpenID Provider (oidc-provider) on 127.0.0.1, with one confidential client
 * and programmatic login: its interaction page signs in whoever {@link TestIssuer.loginAs} names and
 * consent is granted up front, so a test drives the authorization code flow with plain HTTP.
 * Imported only by tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** A running issuer. */
export interface TestIssuer {
  issuer: string;
  /** The account the next login interaction signs in as. */
  loginAs: { accountId: string };
  stop(): Promise<void>;
}

/** Claims of the test accounts: `sub` is the account id; `groups` for the groups claim. */
const ACCOUNTS: Record<string, { email: string; groups: string[] }> = {
  alice: { email: 'alice@example.com', groups: ['platform'] },
  mallory: { email: 'mallory@example.com', groups: [] },
};

/** Starts the issuer for clients `{ clientId, secret }` redirecting to `redirectUri`. */
export async function startTestIssuer(
  clients: Array<{ clientId: string; secret: string }>,
  redirectUri: string,
): Promise<TestIssuer> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const loginAs = { accountId: 'alice' };
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.secret,
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-1', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    // Scope claims in the id-token too (what the cluster reads), not only from userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 3600, Interaction: 600, Session: 600 },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
      const a = ACCOUNTS[id];
      return a
        ? { accountId: id, claims: () => ({ sub: id, email: a.email, email_verified: true, name: id, groups: a.groups }) }
        : undefined;
    },
    // Consent is granted for every client and scope asked: the test is about the relying party.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      session.ensureClientContainer(client.clientId);
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
    void provider
      .interactionDetails(req, res)
      .then(() => provider.interactionFinished(req, res, { login: { accountId: loginAs.accountId } }))
      .catch((err: unknown) => res.writeHead(500).end(String(err)));
  });
  return {
    issuer,
    loginAs,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
