/**
 * Test and demo users for the local cluster: a ServiceAccount bound to a ClusterRole (in one
 * namespace or cluster-wide) and a token for it from the TokenRequest API, exactly what
 * `kubectl create sa`, `kubectl create rolebinding|clusterrolebinding` and `kubectl create token`
 * do. Idempotent: existing accounts and bindings are kept.
 */
import type { JsonObject } from '../apiserver/types';
import { apiCall, apiRequest, type ApiTarget } from './api-client';

/** What to create. */
export interface ServiceAccountTokenOptions {
  /** ServiceAccount name. */
  name: string;
  /** Namespace of the account (default `default`). */
  namespace?: string;
  /** ClusterRole to grant (`view`, `edit`, `admin`, `cluster-admin`); none = an account with no rights. */
  clusterRole?: string;
  /** Grant it in these namespaces (RoleBindings); `'*'` = cluster-wide (a ClusterRoleBinding). Default: the account's namespace. */
  scope?: string[] | '*';
  /** Token lifetime (default 3600 s; at least 600). */
  expirationSeconds?: number;
  /** Token audiences (default: the API server's). */
  audiences?: string[];
}

async function ensure(api: ApiTarget, path: string, obj: JsonObject): Promise<void> {
  const r = await apiRequest(api, 'POST', path, obj);
  if (r.status !== 201 && r.status !== 409) throw new Error(`POST ${path} failed with ${r.status}: ${JSON.stringify(r.body)}`);
}

/**
 * Creates (if missing) the ServiceAccount and its bindings, then returns a fresh bearer token that
 * authenticates as `system:serviceaccount:<namespace>:<name>`. `api` must be an admin target
 * (the local cluster's `{ url, token, caPem }`).
 */
export async function createServiceAccountToken(api: ApiTarget, opts: ServiceAccountTokenOptions): Promise<string> {
  const ns = opts.namespace ?? 'default';
  const subject = { kind: 'ServiceAccount', name: opts.name, namespace: ns };
  await ensure(api, `/api/v1/namespaces/${ns}/serviceaccounts`, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: opts.name },
  });
  if (opts.clusterRole) {
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: opts.clusterRole };
    const bindingName = `${opts.name}-${opts.clusterRole}`;
    const rbac = '/apis/rbac.authorization.k8s.io/v1';
    if (opts.scope === '*') {
      await ensure(api, `${rbac}/clusterrolebindings`, {
        kind: 'ClusterRoleBinding',
        metadata: { name: `${ns}-${bindingName}` },
        roleRef,
        subjects: [subject],
      });
    } else {
      for (const where of opts.scope ?? [ns]) {
        await ensure(api, `${rbac}/namespaces/${where}/rolebindings`, {
          kind: 'RoleBinding',
          metadata: { name: bindingName },
          roleRef,
          subjects: [subject],
        });
      }
    }
  }
  const spec: JsonObject = {};
  if (opts.expirationSeconds !== undefined) spec.expirationSeconds = opts.expirationSeconds;
  if (opts.audiences) spec.audiences = opts.audiences;
  const tr = (await apiCall(api, 'POST', `/api/v1/namespaces/${ns}/serviceaccounts/${opts.name}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec,
  })) as { status?: { token?: string } };
  const token = tr.status?.token;
  if (!token) throw new Error('TokenRequest answered without a token');
  return token;
}
