/**
 * OIDC id-token authentication, as kube-apiserver's --oidc-issuer-url / --oidc-client-id
 * authenticator: the issuer's signing keys come from its discovery document's `jwks_uri` (OIDC
 * Discovery 1.0 §3, §4.3: the document's `issuer` must equal the configured one), and a token is
 * accepted when its signature, `iss`, `aud` (contains the client id), `exp` and `nbf` check.
 * Verification needs the network (the key set), so it runs before the synchronous request path
 * ({@link OidcAuthenticator.verify}) and its result is kept until the token expires.
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { oidcUser, type OidcAuthOptions } from './oidc-claims';
import type { TokenCheck } from './service-account-token';

/** Verified tokens kept (each until its expiry); the oldest are dropped beyond this. */
const CACHE_MAX = 1000;

type Verified = { check: TokenCheck; exp: number };

/** Authenticates id-tokens of one issuer for one client. */
export class OidcAuthenticator {
  private keys: Promise<JWTVerifyGetKey> | undefined;
  private readonly verified = new Map<string, Verified>();

  constructor(
    readonly options: OidcAuthOptions,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** True when `token` claims to come from this issuer (unverified: it only picks the authenticator). */
  handles(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.options.issuerUrl;
    } catch {
      return false;
    }
  }

  /** The outcome of an earlier {@link verify} of `token`, while the token has not expired; else undefined. */
  cached(token: string, nowSeconds = Date.now() / 1000): TokenCheck | undefined {
    const hit = this.verified.get(token);
    if (!hit) return undefined;
    if (nowSeconds < hit.exp) return hit.check;
    this.verified.delete(token);
    return { error: 'oidc: token is expired' };
  }

  /** Verifies `token` (signature by the issuer's keys, iss, aud, exp, nbf), then derives its user. */
  async verify(token: string, audiences: readonly string[] = []): Promise<TokenCheck> {
    const hit = this.cached(token);
    if (hit) return hit;
    let claims: Record<string, unknown>;
    try {
      const keys = await this.keySet();
      ({ payload: claims } = await jwtVerify(token, keys, {
        issuer: this.options.issuerUrl,
        audience: this.options.clientId,
        algorithms: this.options.signingAlgs ?? ['RS256'],
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      // A key set that failed to load is fetched again next time (an issuer down at start recovers).
      if (err instanceof DiscoveryError) this.keys = undefined;
      return { error: `oidc: verify token: ${err instanceof Error ? err.message : String(err)}` };
    }
    const u = oidcUser(claims, this.options);
    const check: TokenCheck = 'error' in u ? u : { user: u.user, audiences: [...audiences] };
    if (this.verified.size >= CACHE_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { check, exp: claims.exp as number });
    return check;
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover();
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const issuer = this.options.issuerUrl;
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let doc: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const res = await this.fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      doc = (await res.json()) as typeof doc;
    } catch (err) {
      throw new DiscoveryError(`discovery: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (doc.issuer !== issuer) throw new DiscoveryError(`discovery: issuer ${String(doc.issuer)} is not ${issuer}`);
    if (typeof doc.jwks_uri !== 'string') throw new DiscoveryError('discovery: no jwks_uri');
    return createRemoteJWKSet(new URL(doc.jwks_uri));
  }
}

class DiscoveryError extends Error {}
