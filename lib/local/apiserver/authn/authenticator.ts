/**
 * Bearer-token authentication (kube-apiserver's union of the static token file, the
 * service-account token and the OIDC authenticators): the kubeconfig's admin token, compared in
 * constant time, a service-account JWT signed by this server, or, when an issuer is configured, an
 * OIDC id-token of that issuer. Anonymous requests are not admitted.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Store } from '../store';
import { looksLikeJwt, type SigningKey } from './jwt';
import type { OidcAuthenticator } from './oidc';
import { API_AUDIENCES, checkServiceAccountToken, type TokenCheck } from './service-account-token';
import { ADMIN_USER, type UserInfo } from './user';

/** The bearer token of a request, or undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/** Authenticates tokens for one server. */
export class Authenticator {
  private readonly admin: Buffer;

  constructor(
    adminToken: string,
    readonly signingKey: SigningKey,
    private readonly store: Store,
    readonly oidc?: OidcAuthenticator,
  ) {
    this.admin = Buffer.from(adminToken);
  }

  /**
   * Verifies ahead of {@link authenticate} what needs the network: an OIDC id-token (the issuer's
   * key set). Undefined (no promise, nothing to wait for) for every other request, so the
   * synchronous path of admin and service-account tokens costs nothing more.
   */
  preverify(req: IncomingMessage): Promise<unknown> | undefined {
    if (!this.oidc) return undefined;
    const token = bearerToken(req);
    if (!token || !looksLikeJwt(token) || !this.oidc.handles(token) || this.oidc.cached(token)) return undefined;
    return this.oidc.verify(token);
  }

  /** The user of a request's bearer token, or undefined (→ 401). */
  authenticate(req: IncomingMessage): UserInfo | undefined {
    const token = bearerToken(req);
    if (!token) return undefined;
    const r = this.check(token);
    return 'user' in r ? r.user : undefined;
  }

  /**
   * Checks any token (requests and TokenReview). The static token is not audience-aware: it is
   * accepted for the audiences asked about, as kube-apiserver does for such authenticators.
   */
  check(token: string, audiences: readonly string[] = API_AUDIENCES): TokenCheck {
    const got = Buffer.from(token);
    if (got.length === this.admin.length && timingSafeEqual(got, this.admin)) {
      return { user: ADMIN_USER, audiences: [...audiences] };
    }
    if (looksLikeJwt(token)) {
      // An id-token is known only once preverify() checked it; kube-apiserver accepts it for the API audiences.
      if (this.oidc?.handles(token)) return this.oidc.cached(token) ?? { error: 'oidc: token was not verified' };
      return checkServiceAccountToken(this.signingKey, this.store, token, audiences);
    }
    return { error: 'invalid bearer token' };
  }
}
