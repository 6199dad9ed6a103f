/**
 * core/v1 Namespace: cluster-scoped, with `status.conditions` merged by `type`.
 */
import type { ResourceDef } from '../types';
import { typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { mapList, named, obj, oneOfStr, str, stringList, time } from './schema-dsl';

const CORE = 'io.k8s.api.core.v1';

const namespaceCondition = named(
  `${CORE}.NamespaceCondition`,
  obj(
    'State of a namespace at a point in time.',
    {
      lastTransitionTime: time('Last time the condition transitioned.'),
      message: str('Human readable details.'),
      reason: str('Machine readable reason.'),
      status: str('Status of the condition: True, False or Unknown.', { default: '' }),
      type: str('Type of the namespace condition.', { default: '' }),
    },
    { required: ['type', 'status'] },
  ),
);

/** The Namespace resource definition. */
export const namespaceDef: ResourceDef = builtin({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  shortNames: ['ns'],
  // A real API server serves no deletecollection on namespaces.
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  status: true,
  printerColumns: [{ name: 'Status', type: 'string', jsonPath: '.status.phase' }, AGE_COLUMN],
  schema: named(
    `${CORE}.Namespace`,
    obj('A scope for names; each namespace holds its own set of named objects.', {
      ...typeMetaProperties(),
      spec: named(
        `${CORE}.NamespaceSpec`,
        obj('Attributes a user sets on a namespace.', {
          finalizers: stringList('Values that must be empty before the namespace is removed from storage.'),
        }),
      ),
      status: named(
        `${CORE}.NamespaceStatus`,
        obj('Current status of a namespace.', {
          conditions: mapList('The latest observations of the namespace state.', namespaceCondition, ['type'], 'type'),
          phase: oneOfStr('Current lifecycle phase of the namespace.', ['Active', 'Terminating']),
        }),
      ),
    }),
  ),
});
