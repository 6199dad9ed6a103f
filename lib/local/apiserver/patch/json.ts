/**
 * Small JSON helpers shared by every patch algorithm: narrowing, deep equality, deep copy and a
 * canonical encoding (sorted keys) used where values must compare by content, such as the
 * `k:{…}` and `v:…` elements of a managed-fields set.
 */
import type { Json, JsonObject } from '../types';

/** True for a plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of two JSON values; key order of objects does not matter. */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Deep copy, so patching never mutates the caller's objects. */
export function clone<T extends Json>(v: T): T {
  return structuredClone(v);
}

/** JSON text with object keys sorted, so equal values always encode the same way. */
export function canonicalJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k] as Json)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
