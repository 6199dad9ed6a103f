/**
 * The kinds the local API server knows without any CRD, and the translation of CRDs into
 * served resources.
 */
import type { ResourceDef } from '../types';
import { configMapDef } from './config-map';
import { customResourceDefinitionDef } from './custom-resource-definition';
import { endpointSliceDef } from './endpoint-slice';
import { eventDef } from './event';
import { namespaceDef } from './namespace';
import { secretDef } from './secret';
import { serviceDef } from './service';

export { crdToResourceDefs } from './crd-to-resource-defs';
export { componentNameOf } from './schema-dsl';

/**
 * The built-in resources: core/v1 Namespace, Service, Secret, ConfigMap, Event,
 * discovery.k8s.io/v1 EndpointSlice and apiextensions.k8s.io/v1 CustomResourceDefinition.
 * Returns the same (shared, do-not-mutate) definitions on every call.
 */
export function builtinResources(): ResourceDef[] {
  return [namespaceDef, serviceDef, secretDef, configMapDef, eventDef, endpointSliceDef, customResourceDefinitionDef];
}
