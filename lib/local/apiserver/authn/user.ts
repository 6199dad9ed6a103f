/**
 * Who a request is, as kube-apiserver's authenticators describe a user (k8s.io/apiserver
 * pkg/authentication/user): a name, a uid, groups and extra attributes.
 */

/** An authenticated user (the authorizers decide from this alone). */
export interface UserInfo {
  username: string;
  uid: string;
  groups: readonly string[];
  extra: Readonly<Record<string, readonly string[]>>;
}

/** The group every authenticated request belongs to. */
export const AUTHENTICATED_GROUP = 'system:authenticated';
/** The group kube-apiserver lets do anything, without consulting RBAC. */
export const SYSTEM_MASTERS = 'system:masters';
/** All service accounts (`system:serviceaccounts:<ns>` is the per-namespace one). */
export const SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';
/** The prefix of a service account's user name. */
export const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/** The user of the kubeconfig's static token: the cluster administrator. */
export const ADMIN_USER: UserInfo = Object.freeze({
  username: 'portico-admin',
  uid: '',
  groups: Object.freeze([SYSTEM_MASTERS, AUTHENTICATED_GROUP]),
  extra: Object.freeze({}),
});

/**
 * True for members of system:masters. The admin user is checked by identity first, so the
 * write path of the kubeconfig's user costs one comparison.
 */
export const isPrivileged = (u: UserInfo): boolean => u === ADMIN_USER || u.groups.includes(SYSTEM_MASTERS);

/** `system:serviceaccount:<ns>:<name>` (serviceaccount.MakeUsername). */
export const serviceAccountUsername = (ns: string, name: string): string => `${SERVICE_ACCOUNT_PREFIX}${ns}:${name}`;

/** The namespace and name of a service account user name, or undefined for other users. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** The user a service account's token authenticates as (serviceaccount.UserInfo). */
export function serviceAccountUser(ns: string, name: string, uid: string, extra: Record<string, string[]>): UserInfo {
  return {
    username: serviceAccountUsername(ns, name),
    uid,
    groups: [SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNTS_GROUP}:${ns}`, AUTHENTICATED_GROUP],
    extra,
  };
}
