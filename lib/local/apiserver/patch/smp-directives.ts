/**
 * The directive vocabulary of Kubernetes strategic merge patch
 * (k8s.io/apimachinery/pkg/util/strategicpatch), and the clean-up of patch values that land in
 * the object as they are.
 */
import type { Json, JsonObject } from '../types';
import { patchBadRequest } from './errors';
import { isObject } from './json';

export const PATCH_DIRECTIVE = '$patch';
export const RETAIN_KEYS = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
export const SET_ELEMENT_ORDER = '$setElementOrder/';

/** True for keys that steer the merge rather than carry data. */
export function isDirectiveKey(key: string): boolean {
  return (
    key === PATCH_DIRECTIVE ||
    key === RETAIN_KEYS ||
    key.startsWith(DELETE_FROM_PRIMITIVE_LIST) ||
    key.startsWith(SET_ELEMENT_ORDER)
  );
}

/** Reads `$patch`, refusing values the real server does not know. */
export function patchDirective(map: JsonObject): 'replace' | 'delete' | 'merge' | undefined {
  const d = map[PATCH_DIRECTIVE];
  if (d === undefined) return undefined;
  if (d === 'replace' || d === 'delete' || d === 'merge') return d;
  throw patchBadRequest(`unknown patch type: ${JSON.stringify(d)} in map: ${JSON.stringify(map)}`);
}

/**
 * A patch value copied into the object where nothing was there to merge with: directives are
 * dropped, items and maps marked `$patch: delete` vanish, and nulls are discarded (the server
 * patches with IgnoreUnmatchedNulls). Returns undefined when the value itself is deleted.
 */
export function cleanPatchValue(v: Json): Json | undefined {
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (const item of v) {
      if (isObject(item) && item[PATCH_DIRECTIVE] === 'replace' && Object.keys(item).length === 1) continue;
      const c = cleanPatchValue(item);
      if (c !== undefined) out.push(c);
    }
    return out;
  }
  if (!isObject(v)) return v;
  if (patchDirective(v) === 'delete') return undefined;
  const out: JsonObject = {};
  for (const [k, child] of Object.entries(v)) {
    if (isDirectiveKey(k) || child === null) continue;
    const c = cleanPatchValue(child);
    if (c !== undefined) out[k] = c;
  }
  return out;
}
