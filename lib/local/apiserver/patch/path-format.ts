/**
 * Printing and building field-set path elements the way structured-merge-diff does, so conflict
 * messages read `.spec.listeners[name="default"].hostname` as on a real cluster.
 */
import type { Json } from '../types';
import { canonicalJson, isObject } from './json';
import type { FieldPath, PathElement } from './field-set';

/** `f:<name>` for a struct field or map key. */
export const fieldElement = (name: string): PathElement => `f:${name}`;

/** `k:{"name":"default"}` for a map-list item; key fields in sorted order, as the real encoder writes them. */
export function keyElement(keys: Record<string, Json>): PathElement {
  return `k:${canonicalJson(keys)}`;
}

/** `v:<json>` for an item of a set-typed list. */
export const valueElement = (v: Json): PathElement => `v:${canonicalJson(v)}`;

/** `.field`, `[name="a",port=80]`, `[="value"]`, `[3]` (fieldpath.PathElement.String). */
export function formatElement(pe: PathElement): string {
  const body = pe.slice(2);
  switch (pe.slice(0, 2)) {
    case 'f:':
      return `.${body}`;
    case 'k:': {
      const keys: unknown = JSON.parse(body);
      if (!isObject(keys)) return `[${body}]`;
      const parts = Object.keys(keys)
        .sort()
        .map((k) => `${k}=${JSON.stringify(keys[k])}`);
      return `[${parts.join(',')}]`;
    }
    case 'v:':
      return `[=${body}]`;
    default:
      return `[${body}]`;
  }
}

/** A whole path as the real server prints it in conflicts: `.spec.hostnames`. */
export function formatPath(path: FieldPath): string {
  return path.map(formatElement).join('');
}
