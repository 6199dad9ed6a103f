/**
 * Small helpers over JSON values used across the server.
 */
import type { Json, JsonObject } from './types';

/** Type guard for a JSON object (not null, not an array). */
export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of two JSON values (key order ignored). */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/** The object's metadata (an empty object when missing). */
export const metaOf = (obj: JsonObject): JsonObject => (isObject(obj.metadata) ? obj.metadata : {});

/** A copy of `obj` without the given top-level keys. */
export function omit(obj: JsonObject, ...keys: string[]): JsonObject {
  const out: JsonObject = { ...obj };
  for (const k of keys) delete out[k];
  return out;
}
