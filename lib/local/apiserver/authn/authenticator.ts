/**
 * Bearer-token authentication (kube-apiserver's union of the static token file and the
 * service-account token authenticators): the kubeconfig's admin token, compared in constant
 * time, or a service-account JWT signed by this server. Anonymous requests are not admitted.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Store } from '../store';
import { looksLikeJwt, type SigningKey } from './jwt';
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
  ) {
    this.admin = Buffer.from(adminToken);
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
    if (looksLikeJwt(token)) return checkServiceAccountToken(this.signingKey, this.store, token, audiences);
    return { error: 'invalid bearer token' };
  }
}
