/**
 * Turns an apiextensions.k8s.io/v1 CustomResourceDefinition into the resources it makes the
 * server serve: one {@link ResourceDef} per `served` version, as the apiextensions-apiserver does.
 */
import type { Json, JsonObject, PrinterColumn, ResourceDef, SchemaNode } from '../types';

/** Verbs of every custom resource (the apiextensions-apiserver serves all of them). */
const CUSTOM_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asObject = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});

const asString = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

const asStrings = (value: Json | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function printerColumns(value: Json | undefined): PrinterColumn[] {
  if (!Array.isArray(value)) return [];
  const columns: PrinterColumn[] = [];
  for (const raw of value) {
    if (!isObject(raw)) continue;
    const name = asString(raw.name);
    const type = asString(raw.type);
    const jsonPath = asString(raw.jsonPath);
    if (!name || !type || !jsonPath) continue;
    const column: PrinterColumn = { name, type, jsonPath };
    const description = asString(raw.description);
    const format = asString(raw.format);
    if (description !== undefined) column.description = description;
    if (format !== undefined) column.format = format;
    if (typeof raw.priority === 'number') column.priority = raw.priority;
    columns.push(column);
  }
  return columns;
}

/**
 * One ResourceDef per served version of `crd`. Versions with `served: false` are skipped,
 * like the real server (they stay in the CRD but have no endpoints). Returns [] for an object
 * that is not a usable CRD (no group, plural or kind).
 */
export function crdToResourceDefs(crd: JsonObject): ResourceDef[] {
  const spec = asObject(crd.spec);
  const names = asObject(spec.names);
  const group = asString(spec.group);
  const plural = asString(names.plural);
  const kind = asString(names.kind);
  if (!group || !plural || !kind) return [];
  const singular = asString(names.singular) || kind.toLowerCase();
  const listKind = asString(names.listKind) || `${kind}List`;
  const namespaced = asString(spec.scope) !== 'Cluster';
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  const defs: ResourceDef[] = [];
  for (const version of versions) {
    const name = asString(version.name);
    if (!name || version.served !== true) continue;
    const subresources = asObject(version.subresources);
    const openAPIV3Schema = asObject(version.schema).openAPIV3Schema;
    defs.push({
      group,
      version: name,
      kind,
      listKind,
      plural,
      singular,
      namespaced,
      shortNames: asStrings(names.shortNames),
      categories: asStrings(names.categories),
      verbs: [...CUSTOM_VERBS],
      storage: version.storage === true,
      subresources: { status: isObject(subresources.status) },
      printerColumns: printerColumns(version.additionalPrinterColumns),
      // The CRD API guarantees a structural schema for v1 CRDs; it is used as published.
      schema: isObject(openAPIV3Schema) ? (openAPIV3Schema as SchemaNode) : undefined,
      custom: true,
    });
  }
  return defs;
}
