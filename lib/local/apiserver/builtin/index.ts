/**
 * The kinds the local API server knows without any CRD, and the translation of CRDs into
 * served resources.
 */
import type { ResourceDef } from '../types';
import { configMapDef } from './config-map';
import { customResourceDefinitionDef } from './custom-resource-definition';
import { deploymentDef } from './deployment';
import { endpointSliceDef } from './endpoint-slice';
import { eventDef } from './event';
import { namespaceDef } from './namespace';
import { podDef } from './pod';
import { podDisruptionBudgetDef } from './pod-disruption-budget';
import { clusterRoleBindingDef, clusterRoleDef, roleBindingDef, roleDef } from './rbac';
import { secretDef } from './secret';
import { serviceDef } from './service';
import { serviceAccountDef } from './service-account';

export { crdToResourceDefs } from './crd-to-resource-defs';
export { componentNameOf } from './schema-dsl';

/**
 * The built-in resources: core/v1 Namespace, Service, Secret, ConfigMap, Event,
 * discovery.k8s.io/v1 EndpointSlice and apiextensions.k8s.io/v1 CustomResourceDefinition, plus
 * what a workload's manifests need (core/v1 ServiceAccount, apps/v1 Deployment,
 * policy/v1 PodDisruptionBudget and the rbac.authorization.k8s.io/v1 roles and bindings), and
 * core/v1 Pod (records only: no kubelet runs them; they are what port-forward targets).
 * Returns the same (shared, do-not-mutate) definitions on every call.
 */
export function builtinResources(): ResourceDef[] {
  return [
    namespaceDef,
    serviceDef,
    secretDef,
    configMapDef,
    eventDef,
    endpointSliceDef,
    customResourceDefinitionDef,
    serviceAccountDef,
    deploymentDef,
    podDisruptionBudgetDef,
    podDef,
    roleDef,
    clusterRoleDef,
    roleBindingDef,
    clusterRoleBindingDef,
  ];
}
