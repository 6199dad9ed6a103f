/**
 * The default roles and bindings kube-apiserver creates at start (plugin/pkg/auth/authorizer/rbac/
 * bootstrappolicy/policy.go), written for the kinds this server serves. The user-facing roles
 * `view`, `edit`, `admin` and `cluster-admin` carry their rules directly (no aggregation);
 * Gateway API kinds are added to view/edit as a platform team would aggregate them.
 * `view` never reads Secrets (TLS private keys); `edit` does.
 */
import type { PolicyRule } from './policy-rule';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const rule = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({ apiGroups, resources, verbs });

/** Namespaced Gateway API kinds of every bundle the server seeds (standard and experimental). */
export const GATEWAY_API_NAMESPACED = [
  'gateways',
  'httproutes',
  'grpcroutes',
  'tlsroutes',
  'tcproutes',
  'udproutes',
  'referencegrants',
  'backendtlspolicies',
  'backendlbpolicies',
  'listenersets',
];
const GW = 'gateway.networking.k8s.io';
const withStatus = (rs: string[]): string[] => rs.flatMap((r) => [r, `${r}/status`]);

const viewRules: PolicyRule[] = [
  rule(
    [''],
    [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    READ,
  ),
  rule(
    [''],
    [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    READ,
  ),
  rule([''], ['namespaces'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(['events.k8s.io'], ['events'], READ),
  rule(['apps'], withStatus(['daemonsets', 'deployments', 'replicasets', 'statefulsets']).concat('deployments/scale'), READ),
  rule(['policy'], withStatus(['poddisruptionbudgets']), READ),
  rule([GW], withStatus([...GATEWAY_API_NAMESPACED, 'gatewayclasses']), READ),
  rule(['istio.alibabacloud.com'], ['asmmeshconfigs'], READ),
];

const editRules: PolicyRule[] = [
  ...viewRules,
  rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule(
    [''],
    [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'pods',
      'pods/attach',
      'pods/exec',
      'pods/portforward',
      'pods/proxy',
      'replicationcontrollers',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    WRITE,
  ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(
    ['apps'],
    ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'statefulsets'],
    WRITE,
  ),
  rule(['policy'], ['poddisruptionbudgets'], WRITE),
  rule([GW], GATEWAY_API_NAMESPACED, WRITE),
];

const adminRules: PolicyRule[] = [
  ...editRules,
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], [...WRITE, ...READ]),
];

/** One default ClusterRole. */
export interface BootstrapRole {
  name: string;
  rules: PolicyRule[];
}

/** One default ClusterRoleBinding (to groups). */
export interface BootstrapBinding {
  name: string;
  role: string;
  groups: string[];
}

/** The default ClusterRoles. */
export const BOOTSTRAP_ROLES: BootstrapRole[] = [
  {
    name: 'cluster-admin',
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ],
  },
  { name: 'admin', rules: adminRules },
  { name: 'edit', rules: editRules },
  { name: 'view', rules: viewRules },
  {
    name: 'system:discovery',
    rules: [
      {
        nonResourceURLs: [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
        verbs: ['get'],
      },
    ],
  },
  {
    name: 'system:public-info-viewer',
    rules: [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }],
  },
  {
    name: 'system:basic-user',
    rules: [
      rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
      rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
    ],
  },
  {
    name: 'system:auth-delegator',
    rules: [
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
    ],
  },
];

/** The default ClusterRoleBindings. */
export const BOOTSTRAP_BINDINGS: BootstrapBinding[] = [
  { name: 'cluster-admin', role: 'cluster-admin', groups: ['system:masters'] },
  { name: 'system:discovery', role: 'system:discovery', groups: ['system:authenticated'] },
  { name: 'system:basic-user', role: 'system:basic-user', groups: ['system:authenticated'] },
  {
    name: 'system:public-info-viewer',
    role: 'system:public-info-viewer',
    groups: ['system:authenticated', 'system:unauthenticated'],
  },
];
