/**
 * The server's access control in one place: who a request is (authentication) and whether it
 * may do what it asks (authorization), checked for every request before anything is read or
 * written, as kube-apiserver's filter chain does.
 */
import type { IncomingMessage } from 'node:http';
import { Authenticator } from '../authn/authenticator';
import { loadOrCreateSigningKey } from '../authn/jwt';
import { OidcAuthenticator } from '../authn/oidc';
import type { OidcAuthOptions } from '../authn/oidc-claims';
import { isPrivileged, type UserInfo } from '../authn/user';
import type { GroupVersionPath, ResourcePath } from '../paths';
import type { Store } from '../store';
import { ApiError } from '../types';
import { requestAttributes } from './attributes';
import { forbidden } from './forbidden';
import { impersonatedUser } from './impersonation';
import { RbacAuthorizer } from './rbac';
import { reconcileBootstrapPolicy } from './reconcile';

/** Authentication and authorization of one server. */
export interface Access {
  authenticator: Authenticator;
  authorizer: RbacAuthorizer;
}

/**
 * Sets up access control over a store: the service-account signing key of `<dataDir>/sa.key`
 * and the default roles and bindings (written or topped up now, as at every kube-apiserver start);
 * with `oidc`, id-tokens of that issuer are accepted too (kube-apiserver's --oidc-* flags).
 */
export function createAccess(dataDir: string, adminToken: string, store: Store, oidc?: OidcAuthOptions): Access {
  reconcileBootstrapPolicy(store);
  return {
    authenticator: new Authenticator(
      adminToken,
      loadOrCreateSigningKey(dataDir),
      store,
      oidc ? new OidcAuthenticator(oidc) : undefined,
    ),
    authorizer: new RbacAuthorizer(store),
  };
}

/**
 * The user a request runs as: its token's user, or whom it impersonates (`Impersonate-User`
 * headers, if allowed). Throws 401 (a `Status` with reason Unauthorized) when the token is
 * missing or invalid, 403 when the impersonation is not allowed.
 */
export function authenticateRequest(access: Access, req: IncomingMessage): UserInfo {
  const user = access.authenticator.authenticate(req);
  if (!user) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
  const h = req.headers;
  return h['impersonate-user'] === undefined && h['impersonate-group'] === undefined && h['impersonate-uid'] === undefined
    ? user
    : impersonatedUser(access.authorizer, user, req);
}

/** Throws 403 unless `user` may make this request. */
export function authorizeRequest(
  access: Access,
  user: UserInfo,
  method: string,
  pathname: string,
  query: URLSearchParams,
  parsed: ResourcePath | GroupVersionPath | undefined,
): void {
  // system:masters (the kubeconfig's admin) is allowed without building attributes: O(1) per request.
  if (isPrivileged(user)) return;
  const a = requestAttributes(user, method, pathname, query, parsed);
  const d = access.authorizer.authorize(a);
  if (!d.allowed) throw forbidden(a, d.reason);
}
