/**
 * The console's least-privilege policy as the security issue states it, and a flattening of RBAC
 * rules into (scope, group, resource, verb) grants so manifests can be checked against it.
 */
import { isRecord, listAt, type Manifest } from './manifests';

/** One permission: `scope` is '*' for a ClusterRole, otherwise the Role's namespace. */
export interface Grant {
  scope: string;
  group: string;
  resource: string;
  verb: string;
  role: string;
}

const RW = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const RO = ['get', 'list', 'watch'];

/** Gateway API resources the console authors (standard and experimental channel, same group). */
export const GATEWAY_RESOURCES = [
  'gatewayclasses',
  'gateways',
  'httproutes',
  'grpcroutes',
  'tlsroutes',
  'tcproutes',
  'udproutes',
  'referencegrants',
  'backendtlspolicies',
];

/** `group/resource` → the verbs the console may ever hold on it, cluster-wide. */
export const CLUSTER_ALLOWED: Record<string, string[]> = {
  ...Object.fromEntries(GATEWAY_RESOURCES.map((r) => [`gateway.networking.k8s.io/${r}`, RW])),
  // ReferenceGrant is the one Gateway API kind without a status (GEP-709).
  ...Object.fromEntries(
    GATEWAY_RESOURCES.filter((r) => r !== 'referencegrants').map((r) => [`gateway.networking.k8s.io/${r}/status`, ['get']]),
  ),
  '/services': RO,
  '/namespaces': RO,
  '/events': RO,
  'discovery.k8s.io/endpointslices': RO,
  'apiextensions.k8s.io/customresourcedefinitions': RO,
  'istio.alibabacloud.com/asmmeshconfigs': [...RO, 'update', 'patch'],
  'authorization.k8s.io/selfsubjectaccessreviews': ['create'],
  'authorization.k8s.io/selfsubjectrulesreviews': ['create'],
  'authentication.k8s.io/selfsubjectreviews': ['create'],
};

/** `group/resource` → verbs allowed only through namespaced Roles (TLS Secrets; apply history). */
export const NAMESPACED_ALLOWED: Record<string, string[]> = {
  '/secrets': ['get', 'list', 'watch', 'create', 'update', 'delete'],
  '/configmaps': ['get', 'list', 'watch', 'create', 'update'],
};

/** Flattens every rule of every Role and ClusterRole into single grants. */
export function grantsOf(manifests: Manifest[]): Grant[] {
  const out: Grant[] = [];
  for (const m of manifests) {
    if (m.apiVersion !== 'rbac.authorization.k8s.io/v1' || (m.kind !== 'Role' && m.kind !== 'ClusterRole')) continue;
    const scope = m.kind === 'ClusterRole' ? '*' : (m.namespace ?? '');
    for (const rule of listAt(m.object, 'rules')) {
      if (!isRecord(rule)) continue;
      for (const group of listAt(rule, 'apiGroups'))
        for (const resource of listAt(rule, 'resources'))
          for (const verb of listAt(rule, 'verbs'))
            out.push({
              scope,
              group: String(group),
              resource: String(resource),
              verb: String(verb),
              role: `${m.kind}/${m.name}`,
            });
    }
  }
  return out;
}
