/**
 * List handling of strategic merge patch: merge by `x-kubernetes-patch-merge-key` for lists
 * marked `x-kubernetes-patch-strategy: merge`, set-like union for merged primitive lists, the
 * `$patch: replace|delete` list elements, `$deleteFromPrimitiveList` and `$setElementOrder`.
 */
import type { Json, JsonObject, SchemaNode } from '../types';
import { patchBadRequest } from './errors';
import { clone, deepEqual, isObject } from './json';
import { itemSchema, patchStrategy } from './schema';
import { PATCH_DIRECTIVE, cleanPatchValue } from './smp-directives';

/** Merges one map into another; supplied by the map half to avoid an import cycle. */
export type MapMerger = (orig: JsonObject, patch: JsonObject, schema: SchemaNode | undefined) => JsonObject | undefined;

/** Merges the patch list into the original list of field `schema` describes. */
export function mergeList(orig: Json[], patch: Json[], schema: SchemaNode | undefined, mergeMap: MapMerger): Json[] {
  const strategy = patchStrategy(schema);
  // Lists without a merge strategy are replaced wholesale, as in JSON merge patch.
  if (!strategy.merge) return cleanPatchValue(patch) as Json[];
  // A `{"$patch": "replace"}` element replaces the list with the rest of the patch list.
  const replace = patch.some((p) => isObject(p) && p[PATCH_DIRECTIVE] === 'replace');
  if (replace) return cleanPatchValue(patch.filter((p) => !(isObject(p) && p[PATCH_DIRECTIVE] === 'replace'))) as Json[];

  const primitives = patch.every((p) => !isObject(p)) && orig.every((o) => !isObject(o));
  if (primitives) {
    const out = orig.map(clone);
    for (const p of patch) if (!out.some((o) => deepEqual(o, p))) out.push(clone(p));
    return out;
  }
  const key = strategy.mergeKey;
  if (!key) return cleanPatchValue(patch) as Json[];
  const out = orig.map(clone);
  for (const p of patch) {
    if (!isObject(p)) throw patchBadRequest(`a list of maps with merge key "${key}" cannot hold ${JSON.stringify(p)}`);
    if (!Object.hasOwn(p, key)) throw patchBadRequest(`map: ${JSON.stringify(p)} does not contain declared merge key: ${key}`);
    const matches = (o: Json): boolean => isObject(o) && deepEqual(o[key], p[key]);
    if (p[PATCH_DIRECTIVE] === 'delete') {
      for (let i = out.length - 1; i >= 0; i--) if (matches(out[i] as Json)) out.splice(i, 1);
      continue;
    }
    const at = out.findIndex(matches);
    if (at < 0) {
      const added = cleanPatchValue(p);
      if (added !== undefined) out.push(added);
      continue;
    }
    const merged = mergeMap(out[at] as JsonObject, p, itemSchema(schema));
    if (merged === undefined) out.splice(at, 1);
    else out[at] = merged;
  }
  return out;
}

/** `$deleteFromPrimitiveList/<field>`: removes every listed value from a primitive list. */
export function deleteFromPrimitiveList(orig: Json | undefined, values: Json): Json[] | undefined {
  if (!Array.isArray(values)) throw patchBadRequest('invalid patch format of primitive list');
  if (!Array.isArray(orig)) return undefined;
  return orig.filter((o) => !values.some((v) => deepEqual(o, v)));
}

/**
 * `$setElementOrder/<field>`: orders the merged list as the client's list was ordered. Elements
 * the order does not name (present only on the server) keep their place after the element that
 * preceded them in the original list.
 */
export function setElementOrder(list: Json[], order: Json, schema: SchemaNode | undefined): Json[] {
  if (!Array.isArray(order)) throw patchBadRequest('invalid patch format of setElementOrder list');
  const key = patchStrategy(schema).mergeKey;
  const identity = (v: Json): Json => (key && isObject(v) ? (v[key] ?? null) : v);
  const wanted = order.map(identity);
  const rank = (v: Json): number => wanted.findIndex((w) => deepEqual(w, identity(v)));
  const ordered = list.filter((v) => rank(v) >= 0).sort((a, b) => rank(a) - rank(b));
  list.forEach((v, i) => {
    if (rank(v) >= 0) return;
    const before = list
      .slice(0, i)
      .reverse()
      .find((p) => ordered.includes(p));
    ordered.splice(before === undefined ? 0 : ordered.indexOf(before) + 1, 0, v);
  });
  return ordered;
}
