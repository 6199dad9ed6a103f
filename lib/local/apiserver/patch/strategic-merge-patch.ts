/**
 * Kubernetes strategic merge patch (`application/strategic-merge-patch+json`), what `kubectl
 * patch` sends by default and `kubectl edit`/client-side `kubectl apply` send for built-in kinds.
 * Merge keys and strategies come from the resource's schema (the `x-kubernetes-patch-*` markers
 * the built-in OpenAPI publishes); where the schema says nothing it behaves like JSON merge patch.
 */
import type { Json, JsonObject, ResourceDef, SchemaNode } from '../types';
import { patchBadRequest, patchUnprocessable, strategicMergeUnsupported } from './errors';
import { clone, isObject } from './json';
import { fieldSchema, withObjectMeta } from './schema';
import {
  DELETE_FROM_PRIMITIVE_LIST,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER,
  cleanPatchValue,
  isDirectiveKey,
  patchDirective,
} from './smp-directives';
import { deleteFromPrimitiveList, mergeList, setElementOrder } from './smp-list';

/** `$retainKeys`: drops the original's keys the client no longer lists. */
function retainKeys(orig: JsonObject, patch: JsonObject): JsonObject {
  const keep = patch[RETAIN_KEYS];
  if (!Array.isArray(keep) || !keep.every((k) => typeof k === 'string')) {
    throw patchBadRequest('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(patch)) {
    if (!isDirectiveKey(k) && patch[k] !== null && !keep.includes(k)) {
      throw patchUnprocessable("patch content doesn't match retainKeys list");
    }
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(orig)) if (keep.includes(k)) out[k] = v;
  return out;
}

/** Merges a patch map into an original map; undefined means the map is deleted (`$patch: delete`). */
function mergeMap(orig: JsonObject, patch: JsonObject, schema: SchemaNode | undefined): JsonObject | undefined {
  const directive = patchDirective(patch);
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return cleanPatchValue(patch) as JsonObject;

  let result = clone(orig);
  if (Object.hasOwn(patch, RETAIN_KEYS)) result = retainKeys(result, patch);
  for (const [k, v] of Object.entries(patch)) {
    if (!k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) continue;
    const field = k.slice(DELETE_FROM_PRIMITIVE_LIST.length);
    const kept = deleteFromPrimitiveList(result[field], v);
    // Built-in list fields are `omitempty`: an emptied list disappears from the stored object.
    if (kept && kept.length > 0) result[field] = kept;
    else if (kept) delete result[field];
  }
  for (const [k, v] of Object.entries(patch)) {
    if (isDirectiveKey(k)) continue;
    if (v === null) {
      delete result[k];
      continue;
    }
    const o = result[k];
    const sub = fieldSchema(schema, k);
    let merged: Json | undefined;
    if (isObject(o) && isObject(v)) merged = mergeMap(o, v, sub);
    else if (Array.isArray(o) && Array.isArray(v)) merged = mergeList(o, v, sub, mergeMap);
    else merged = cleanPatchValue(v);
    if (merged === undefined) delete result[k];
    else result[k] = merged;
  }
  for (const [k, order] of Object.entries(patch)) {
    if (!k.startsWith(SET_ELEMENT_ORDER)) continue;
    const field = k.slice(SET_ELEMENT_ORDER.length);
    const list = result[field];
    if (Array.isArray(list)) result[field] = setElementOrder(list, order, fieldSchema(schema, field));
  }
  return result;
}

/**
 * Applies a strategic merge patch to a stored object of a built-in kind.
 *
 * Throws 415 UnsupportedMediaType for custom resources (the real server only offers JSON patch,
 * merge patch and apply for them), 400 BadRequest for a malformed patch or directive, and 422
 * Invalid when a `$retainKeys` list contradicts the patch.
 */
export function applyStrategicMergePatch(original: JsonObject, patch: Json, def: ResourceDef): JsonObject {
  if (def.custom) throw strategicMergeUnsupported();
  if (!isObject(patch)) throw patchBadRequest('invalid JSON document');
  const out = mergeMap(original, patch, withObjectMeta(def.schema));
  // `$patch: delete` at the top would delete the object itself, which a patch cannot do.
  if (out === undefined) throw patchBadRequest('the patch deletes the whole object');
  return out;
}
