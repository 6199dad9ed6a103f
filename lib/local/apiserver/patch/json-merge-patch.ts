/**
 * JSON merge patch, RFC 7386 (`application/merge-patch+json`), as `kubectl patch --type merge`
 * sends it.
 */
import type { Json, JsonObject } from '../types';
import { patchBadRequest } from './errors';
import { clone, isObject } from './json';

/**
 * RFC 7386 §2 MergePatch(Target, Patch), without mutating either argument. Each patched level
 * is a shallow copy: members the patch does not touch are shared with the target rather than
 * deep-copied (no one mutates stored objects), so a one-label patch copies a few small objects.
 */
function mergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else result[name] = mergePatch(result[name], value);
  }
  return result;
}

/**
 * Applies an RFC 7386 merge patch to a stored object.
 *
 * A patch that is not a JSON object would replace the whole object with a non-object, which the
 * real server refuses with 400 BadRequest "Invalid JSON Patch" (evanphx/json-patch's error).
 */
export function applyJsonMergePatch(original: JsonObject, patch: Json): JsonObject {
  if (!isObject(patch)) throw patchBadRequest('Invalid JSON Patch');
  return mergePatch(original, patch) as JsonObject;
}
