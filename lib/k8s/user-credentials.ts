import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import { loadKubeConfig } from './kubeconfig';
import { k8sRequest } from './request';

/** Who a token belongs to, as the API server authenticated it. */
export interface ReviewedUser {
  username: string;
  groups: string[];
}

/**
 * A kubeconfig for `contextName` (default: current) of the console's configuration whose user is
 * replaced by `token`: same server and CA, the user's own credentials, so their RBAC applies.
 */
export function kubeConfigWithToken(base: KubeConfig, token: string, contextName?: string): KubeConfig {
  const ctx = base.getContextObject(contextName ?? base.getCurrentContext());
  const cluster = ctx ? base.getCluster(ctx.cluster) : base.getCurrentCluster();
  if (!ctx || !cluster) throw new Error(`The kubeconfig has no context ${contextName ?? base.getCurrentContext()}`);
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'portico-user', token }],
    contexts: [
      { name: ctx.name, cluster: cluster.name, user: 'portico-user', ...(ctx.namespace ? { namespace: ctx.namespace } : {}) },
    ],
    currentContext: ctx.name,
  });
  return config;
}

/**
 * Authenticates `token` against the cluster with a SelfSubjectReview (authentication.k8s.io/v1,
 * Kubernetes 1.28+): the API itself says who the token belongs to. Throws K8sApiError 401 for a
 * token the API does not accept.
 */
export async function reviewToken(token: string, contextName?: string): Promise<ReviewedUser> {
  const base = loadKubeConfig();
  if (!base) throw new Error('No cluster is configured: set PORTICO_KUBECONFIG or run in a cluster.');
  const review = await k8sRequest<{ status?: { userInfo?: { username?: string; groups?: string[] } } }>(
    kubeConfigWithToken(base, token, contextName),
    {
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      timeoutMs: 10_000,
    },
  );
  const info = review.status?.userInfo;
  if (!info?.username) throw new Error('The cluster answered the SelfSubjectReview without a user name.');
  return { username: info.username, groups: info.groups ?? [] };
}
