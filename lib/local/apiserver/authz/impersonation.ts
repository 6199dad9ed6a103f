/**
 * User impersonation (`kubectl --as`, `--as-group`, `--as-uid`), as kube-apiserver's
 * WithImpersonation filter does it (k8s.io/apiserver pkg/endpoints/filters/impersonation.go):
 * the authenticated user must be allowed the `impersonate` verb on each requested user
 * (`users`, or `serviceaccounts` in its namespace for `system:serviceaccount:<ns>:<name>`),
 * group (`groups`) and uid (`uids.authentication.k8s.io`); the request then runs as that user,
 * in system:authenticated (and the service-account groups when no group was asked for).
 */
import type { IncomingMessage } from 'node:http';
import {
  AUTHENTICATED_GROUP,
  isPrivileged,
  SERVICE_ACCOUNTS_GROUP,
  splitServiceAccountUsername,
  type UserInfo,
} from '../authn/user';
import { badRequest } from '../status-errors';
import type { Attributes } from './attributes';
import { forbidden } from './forbidden';
import type { RbacAuthorizer } from './rbac';

const headerValues = (req: IncomingMessage, name: string): string[] => {
  const v = req.headers[name];
  return v === undefined ? [] : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
};

function check(authorizer: RbacAuthorizer, user: UserInfo, a: Partial<Attributes>): void {
  const attrs: Attributes = {
    user,
    verb: 'impersonate',
    resourceRequest: true,
    path: '',
    namespace: '',
    apiGroup: '',
    apiVersion: '',
    resource: '',
    subresource: '',
    name: '',
    ...a,
  };
  const d = authorizer.authorize(attrs);
  if (!d.allowed) throw forbidden(attrs, d.reason);
}

/** The user the request runs as: `user` itself, or whom it impersonates (403 when not allowed). */
export function impersonatedUser(authorizer: RbacAuthorizer, user: UserInfo, req: IncomingMessage): UserInfo {
  const as = req.headers['impersonate-user'];
  const groups = headerValues(req, 'impersonate-group');
  const uid = req.headers['impersonate-uid'];
  if (as === undefined) {
    if (groups.length || uid !== undefined) {
      throw badRequest(`requested ${JSON.stringify({ groups, uid })} without impersonating a user`);
    }
    return user;
  }
  const username = String(as);
  const sa = splitServiceAccountUsername(username);
  if (!isPrivileged(user)) {
    if (sa) check(authorizer, user, { resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name });
    else check(authorizer, user, { resource: 'users', name: username });
    for (const g of groups) check(authorizer, user, { resource: 'groups', name: g });
    if (typeof uid === 'string') check(authorizer, user, { apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid });
  }
  const all = [...groups];
  if (sa && groups.length === 0) all.push(SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNTS_GROUP}:${sa.namespace}`);
  if (username !== 'system:anonymous' && !all.includes(AUTHENTICATED_GROUP)) all.push(AUTHENTICATED_GROUP);
  return { username, uid: typeof uid === 'string' ? uid : '', groups: all, extra: {} };
}
