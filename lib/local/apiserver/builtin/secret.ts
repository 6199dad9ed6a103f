/**
 * core/v1 Secret: `data` holds base64 values, `stringData` is a write-only convenience merged
 * into `data` on write.
 */
import type { ResourceDef } from '../types';
import { typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { bool, bytesMap, named, obj, str, strMap } from './schema-dsl';

/** The Secret resource definition. */
export const secretDef: ResourceDef = builtin({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  // The server's "Data" column counts keys, which a JSONPath cannot express; Type and Age remain.
  printerColumns: [{ name: 'Type', type: 'string', jsonPath: '.type' }, AGE_COLUMN],
  schema: named(
    'io.k8s.api.core.v1.Secret',
    obj('Holds secret data of a certain type; values are base64 encoded and limited to 1 MiB in total.', {
      ...typeMetaProperties(),
      data: bytesMap('Secret data; keys consist of alphanumerics, "-", "_" or ".", values are base64 encoded.'),
      immutable: bool('If true, only metadata can be modified once set.'),
      stringData: strMap('Write-only, non-binary secret data in plain text, merged into data on write (overrides data keys).'),
      type: str('Used to ease programmatic handling of secret data (e.g. kubernetes.io/tls, Opaque).'),
    }),
  ),
});
