/**
 * The built-in kinds a client may send as protobuf (kubectl's typed clients do for `kubectl
 * create secret|configmap|namespace|service|serviceaccount|role|rolebinding|clusterrole|
 * clusterrolebinding|poddisruptionbudget`). Field numbers from k8s.io/api
 * core/v1, rbac/v1 and policy/v1 generated.proto.
 */
import { f, list, msg, ptr, type MessageDesc } from './descriptors';
import { Condition, DeleteOptions, LabelSelector, ObjectMeta } from './meta-messages';
import { REVIEW_MESSAGES } from './review-messages';

const meta = f('metadata', ObjectMeta);

const Secret = msg('Secret', {
  1: meta,
  5: ptr('immutable', 'bool'),
  2: f('data', 'bytesMap'),
  4: f('stringData', 'stringMap'),
  3: f('type', 'string'),
});

const ConfigMap = msg('ConfigMap', {
  1: meta,
  4: ptr('immutable', 'bool'),
  2: f('data', 'stringMap'),
  3: f('binaryData', 'bytesMap'),
});

const Namespace = msg('Namespace', {
  1: meta,
  2: f('spec', msg('NamespaceSpec', { 1: list('finalizers', 'string') })),
  3: f(
    'status',
    msg('NamespaceStatus', {
      1: f('phase', 'string'),
      2: list(
        'conditions',
        msg('NamespaceCondition', {
          1: f('type', 'string'),
          2: f('status', 'string'),
          4: f('lastTransitionTime', 'time'),
          5: f('reason', 'string'),
          6: f('message', 'string'),
        }),
      ),
    }),
  ),
});

const ServicePort = msg('ServicePort', {
  1: f('name', 'string'),
  2: f('protocol', 'string'),
  6: ptr('appProtocol', 'string'),
  3: f('port', 'int'),
  4: f('targetPort', 'intOrString'),
  5: f('nodePort', 'int'),
});

const ServiceSpec = msg('ServiceSpec', {
  1: list('ports', ServicePort),
  2: f('selector', 'stringMap'),
  3: f('clusterIP', 'string'),
  18: list('clusterIPs', 'string'),
  4: f('type', 'string'),
  5: list('externalIPs', 'string'),
  7: f('sessionAffinity', 'string'),
  8: f('loadBalancerIP', 'string'),
  9: list('loadBalancerSourceRanges', 'string'),
  10: f('externalName', 'string'),
  11: f('externalTrafficPolicy', 'string'),
  12: f('healthCheckNodePort', 'int'),
  13: f('publishNotReadyAddresses', 'bool'),
  14: ptr(
    'sessionAffinityConfig',
    msg('SessionAffinityConfig', {
      1: ptr('clientIP', msg('ClientIPConfig', { 1: ptr('timeoutSeconds', 'int') })),
    }),
  ),
  19: list('ipFamilies', 'string'),
  17: ptr('ipFamilyPolicy', 'string'),
  20: ptr('allocateLoadBalancerNodePorts', 'bool'),
  21: ptr('loadBalancerClass', 'string'),
  22: ptr('internalTrafficPolicy', 'string'),
  23: ptr('trafficDistribution', 'string'),
});

const ServiceStatus = msg('ServiceStatus', {
  1: f(
    'loadBalancer',
    msg('LoadBalancerStatus', {
      1: list(
        'ingress',
        msg('LoadBalancerIngress', {
          1: f('ip', 'string'),
          2: f('hostname', 'string'),
          3: ptr('ipMode', 'string'),
          4: list('ports', msg('PortStatus', { 1: f('port', 'int'), 2: f('protocol', 'string'), 3: ptr('error', 'string') })),
        }),
      ),
    }),
  ),
  2: list('conditions', Condition),
});

const Service = msg('Service', { 1: meta, 2: f('spec', ServiceSpec), 3: f('status', ServiceStatus) });

const ObjectReference = msg('ObjectReference', {
  1: f('kind', 'string'),
  2: f('namespace', 'string'),
  3: f('name', 'string'),
  4: f('uid', 'string'),
  5: f('apiVersion', 'string'),
  6: f('resourceVersion', 'string'),
  7: f('fieldPath', 'string'),
});

const ServiceAccount = msg('ServiceAccount', {
  1: meta,
  2: list('secrets', ObjectReference),
  3: list('imagePullSecrets', msg('LocalObjectReference', { 1: f('name', 'string') })),
  4: ptr('automountServiceAccountToken', 'bool'),
});

const PolicyRule = msg('PolicyRule', {
  1: list('verbs', 'string'),
  2: list('apiGroups', 'string'),
  3: list('resources', 'string'),
  4: list('resourceNames', 'string'),
  5: list('nonResourceURLs', 'string'),
});
const Subject = msg('Subject', {
  1: f('kind', 'string'),
  2: f('apiGroup', 'string'),
  3: f('name', 'string'),
  4: f('namespace', 'string'),
});
const RoleRef = msg('RoleRef', { 1: f('apiGroup', 'string'), 2: f('kind', 'string'), 3: f('name', 'string') });

const Role = msg('Role', { 1: meta, 2: list('rules', PolicyRule) });
const ClusterRole = msg('ClusterRole', {
  1: meta,
  2: list('rules', PolicyRule),
  3: ptr('aggregationRule', msg('AggregationRule', { 1: list('clusterRoleSelectors', LabelSelector) })),
});
const RoleBinding = msg('RoleBinding', { 1: meta, 2: list('subjects', Subject), 3: f('roleRef', RoleRef) });
const ClusterRoleBinding = msg('ClusterRoleBinding', { 1: meta, 2: list('subjects', Subject), 3: f('roleRef', RoleRef) });

const PodDisruptionBudget = msg('PodDisruptionBudget', {
  1: meta,
  2: f(
    'spec',
    msg('PodDisruptionBudgetSpec', {
      1: ptr('minAvailable', 'intOrString'),
      2: ptr('selector', LabelSelector),
      3: ptr('maxUnavailable', 'intOrString'),
      4: ptr('unhealthyPodEvictionPolicy', 'string'),
    }),
  ),
  3: f(
    'status',
    msg('PodDisruptionBudgetStatus', {
      1: f('observedGeneration', 'int'),
      // 2 disruptedPods (map<string, Time>) is written by the disruption controller only.
      3: f('disruptionsAllowed', 'int'),
      4: f('currentHealthy', 'int'),
      5: f('desiredHealthy', 'int'),
      6: f('expectedPods', 'int'),
      7: list('conditions', Condition),
    }),
  ),
});

const RBAC = 'rbac.authorization.k8s.io/v1';

/** Message of each `apiVersion/kind` the server decodes from protobuf. */
export const KIND_MESSAGES: ReadonlyMap<string, MessageDesc> = new Map([
  ['v1/Secret', Secret],
  ['v1/ConfigMap', ConfigMap],
  ['v1/Namespace', Namespace],
  ['v1/Service', Service],
  ['v1/ServiceAccount', ServiceAccount],
  ['v1/DeleteOptions', DeleteOptions],
  ['meta.k8s.io/v1/DeleteOptions', DeleteOptions],
  [`${RBAC}/Role`, Role],
  [`${RBAC}/ClusterRole`, ClusterRole],
  [`${RBAC}/RoleBinding`, RoleBinding],
  [`${RBAC}/ClusterRoleBinding`, ClusterRoleBinding],
  ['policy/v1/PodDisruptionBudget', PodDisruptionBudget],
  ...REVIEW_MESSAGES,
]);
