import 'server-only';
import { getClusterCache } from './cache/registry';
import { k8sRequest } from './request';

/** One question for a SelfSubjectAccessReview (authorization.k8s.io/v1 ResourceAttributes). */
export interface AccessQuestion {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
}

/**
 * Asks the API whether the current user (the signed-in user's token in token mode, the console's
 * credentials in local mode) may do each of `questions`: one SelfSubjectAccessReview each, the
 * authorizer's own answer rather than a re-implementation of RBAC.
 */
export async function reviewAccess(
  questions: AccessQuestion[],
  context?: string,
): Promise<{ context: string; answers: Array<AccessQuestion & { allowed: boolean; reason?: string }> }> {
  const cache = await getClusterCache(context);
  const answers = await Promise.all(
    questions.map(async (q) => {
      const review = await k8sRequest<{ status?: { allowed?: boolean; reason?: string } }>(cache.kubeConfig, {
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: {
              verb: q.verb,
              group: q.group,
              resource: q.resource,
              ...(q.namespace ? { namespace: q.namespace } : {}),
              ...(q.name ? { name: q.name } : {}),
            },
          },
        },
      });
      return {
        ...q,
        allowed: review.status?.allowed === true,
        ...(review.status?.reason ? { reason: review.status.reason } : {}),
      };
    }),
  );
  return { context: cache.context, answers };
}
