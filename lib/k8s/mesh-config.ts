import 'server-only';
import { getClusterCache } from './cache/registry';
import { K8sApiError, k8sRequest } from './request';

const path = '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs/default';

/**
 * Sets `spec.enableGatewayAPI` of `ASMMeshConfig/default` with a merge patch guarded by the
 * resourceVersion the user saw (a concurrent change is a 409, never silently overwritten), then
 * reads the object back so the caller shows what the API holds, not what was asked.
 */
export async function patchGatewayApiEnabled(p: {
  context?: string;
  enabled: boolean;
  resourceVersion?: string;
}): Promise<{ enabled: boolean; resourceVersion: string }> {
  const cache = await getClusterCache(p.context);
  if (!cache.served.ASMMeshConfig) {
    throw new K8sApiError(
      404,
      'NotFound',
      'This cluster does not serve ASMMeshConfig (istio.alibabacloud.com/v1beta1): it is not an ASM mesh instance.',
    );
  }
  const body = {
    metadata: p.resourceVersion ? { resourceVersion: p.resourceVersion } : {},
    spec: { enableGatewayAPI: p.enabled },
  };
  await k8sRequest(cache.kubeConfig, {
    method: 'PATCH',
    path,
    query: { fieldManager: 'portico' },
    body,
    contentType: 'application/merge-patch+json',
  });
  const after = await k8sRequest<{ metadata: { resourceVersion: string }; spec?: { enableGatewayAPI?: boolean } }>(
    cache.kubeConfig,
    { path },
  );
  return { enabled: after.spec?.enableGatewayAPI === true, resourceVersion: after.metadata.resourceVersion };
}
