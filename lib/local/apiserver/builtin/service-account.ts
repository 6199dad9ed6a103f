/**
 * core/v1 ServiceAccount: the identity pods run as. The local server issues no tokens for it.
 */
import type { ResourceDef } from '../types';
import { objectReference, typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { atomicList, bool, mapList, named, obj, str } from './schema-dsl';

/** The ServiceAccount resource definition. */
export const serviceAccountDef: ResourceDef = builtin({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  namespaced: true,
  shortNames: ['sa'],
  printerColumns: [AGE_COLUMN],
  schema: named(
    'io.k8s.api.core.v1.ServiceAccount',
    obj('An identity for processes that run in a pod.', {
      ...typeMetaProperties(),
      automountServiceAccountToken: bool('Whether pods running as this account get an API token mounted.'),
      imagePullSecrets: atomicList(
        'Secrets used to pull the images of pods that run as this account.',
        obj('A reference to a Secret in the same namespace.', { name: str('Name of the Secret.', { default: '' }) }),
      ),
      secrets: mapList('Deprecated: Secrets holding tokens of this account.', objectReference, ['name'], 'name'),
    }),
  ),
});
