/**
 * Shared steps of apply and update: typing errors, stripping stored managed fields from an object,
 * and the comparison restricted to fields a manager may own.
 */
import type { Json, JsonObject, ResourceDef, SchemaNode } from '../types';
import { patchBadRequest } from './errors';
import { compare, type Comparison } from './field-set-build';
import { isObject } from './json';
import { filterOwnable } from './managed-fields';
import { TypedValueError } from './typed';

/**
 * A copy of the object without `metadata.managedFields` (they are rebuilt, never merged). Only
 * the top level and metadata are copied: the rest is shared with `obj`, which is safe because
 * nothing here mutates values below them (objects are treated as immutable), and it spares a deep
 * copy of the whole object on every write.
 */
export function withoutManagedFields(obj: JsonObject): JsonObject {
  if (!isObject(obj.metadata)) return { ...obj };
  const meta: JsonObject = { ...obj.metadata };
  delete meta.managedFields;
  return { ...obj, metadata: meta };
}

/** Sets `metadata.managedFields` (creating metadata when absent) and returns the object. */
export function setManagedFields(obj: JsonObject, managed: Json[]): JsonObject {
  const meta: JsonObject = isObject(obj.metadata) ? obj.metadata : {};
  if (managed.length > 0) meta.managedFields = managed;
  else delete meta.managedFields;
  obj.metadata = meta;
  return obj;
}

/** Runs a typed computation, turning untypeable input into the real server's 400. */
export function typed<T>(def: ResourceDef, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof TypedValueError)) throw e;
    const gvk = `${def.group}/${def.version}, Kind=${def.kind}`;
    throw patchBadRequest(`failed to create typed ${what} object (${gvk}): ${e.message}`);
  }
}

/** What changed between two versions, limited to the fields managers own for this request. */
export function ownableChanges(
  before: JsonObject,
  after: JsonObject,
  schema: SchemaNode,
  def: ResourceDef,
  subresource?: 'status',
): Comparison & { changed: Comparison['added'] } {
  const c = compare(before, after, schema);
  const added = filterOwnable(c.added, def, subresource);
  const modified = filterOwnable(c.modified, def, subresource);
  const removed = filterOwnable(c.removed, def, subresource);
  return { added, modified, removed, changed: added.union(modified) };
}
