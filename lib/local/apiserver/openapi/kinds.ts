/**
 * The components of one served kind: the kind itself and its list, each tagged with
 * `x-kubernetes-group-version-kind` (how kubectl explain, apply and the field-validation probe
 * find a kind in a document).
 */
import { listMeta, objectMeta } from '../builtin/object-meta';
import { named } from '../builtin/schema-dsl';
import type { JsonObject, ResourceDef, SchemaNode } from '../types';
import type { ComponentSet } from './components';
import { SHARED_META } from './meta-components';
import { kindComponentName, listComponentName } from './names';

const API_VERSION = { type: 'string', description: 'Versioned schema of this representation of an object.' } as const;
const KIND = { type: 'string', description: 'REST resource this object represents, in CamelCase.' } as const;

/** The `x-kubernetes-group-version-kind` value of a schema component (a list). */
export function gvkList(group: string, version: string, kind: string): JsonObject {
  return { 'x-kubernetes-group-version-kind': [{ group, kind, version }] };
}

/**
 * The schema a kind is published with. Like the apiextensions-apiserver, a CRD's `metadata`
 * is replaced by ObjectMeta and apiVersion/kind are filled in.
 */
function publishedSchema(def: ResourceDef): SchemaNode {
  if (!def.custom && def.schema) return def.schema;
  const schema: SchemaNode = def.schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  return named(kindComponentName(def), {
    ...schema,
    type: 'object',
    properties: {
      ...schema.properties,
      apiVersion: schema.properties?.apiVersion ?? API_VERSION,
      kind: schema.properties?.kind ?? KIND,
      metadata: objectMeta,
    },
  });
}

/** Adds the kind and list components of `def`; returns their names. */
export function addKind(set: ComponentSet, def: ResourceDef): { kind: string; list: string } {
  const kindNode = publishedSchema(def);
  const kind = set.define(kindComponentName(def), kindNode, gvkList(def.group, def.version, def.kind));
  const listSchema: SchemaNode = {
    type: 'object',
    description: `${def.listKind} is a list of ${def.kind}.`,
    required: ['items'],
    properties: {
      apiVersion: API_VERSION,
      items: { type: 'array', description: `List of ${def.plural}.`, items: kindNode },
      kind: KIND,
      metadata: listMeta,
    },
  };
  const list = set.define(listComponentName(def), listSchema, gvkList(def.group, def.version, def.listKind));
  return { kind, list };
}

/** Adds the meta/v1 components every document carries. */
export function addSharedMeta(set: ComponentSet): void {
  for (const node of SHARED_META) set.use(node, false);
}
