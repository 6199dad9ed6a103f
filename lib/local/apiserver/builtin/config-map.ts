/**
 * core/v1 ConfigMap.
 */
import type { ResourceDef } from '../types';
import { typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { bool, bytesMap, named, obj, strMap } from './schema-dsl';

/** The ConfigMap resource definition. */
export const configMapDef: ResourceDef = builtin({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  shortNames: ['cm'],
  // The server's "Data" column counts keys, which a JSONPath cannot express.
  printerColumns: [AGE_COLUMN],
  schema: named(
    'io.k8s.api.core.v1.ConfigMap',
    obj('Non-confidential configuration data for pods to consume.', {
      ...typeMetaProperties(),
      binaryData: bytesMap('Binary data (base64); keys must not overlap with data.'),
      data: strMap('Configuration data in UTF-8; keys consist of alphanumerics, "-", "_" or ".".'),
      immutable: bool('If true, only metadata can be modified once set.'),
    }),
  ),
});
