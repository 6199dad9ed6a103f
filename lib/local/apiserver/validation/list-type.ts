/**
 * Uniqueness of `x-kubernetes-list-type: set` elements and `map` keys
 * (apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go): the first repeat of a value
 * is reported as `Duplicate value`, at the repeating element's index.
 */
import type { FieldCause, Json } from '../types';
import { child, duplicate, index, invalid, key } from './field-errors';
import type { CNode } from './node';

/** Stable identity of a JSON value (object keys sorted, like Go's json.Marshal of a map). */
function identity(v: Json | undefined): string {
  if (v === undefined) return '\u0000unspecified';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(identity).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${identity(v[k])}`)
    .join(',')}}`;
}

/** Indices whose value repeats an earlier one, each value reported once. */
function nonUnique(keys: string[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  keys.forEach((k, i) => {
    const n = seen.get(k) ?? 0;
    if (n === 1) out.push(i);
    seen.set(k, n + 1);
  });
  return out;
}

/** Validates list sets and maps below `node`; `path` uses Key() for map entries as kube does. */
export function validateListTypes(v: Json, node: CNode, path: string, out: FieldCause[]): void {
  if (v === null || typeof v !== 'object') return;
  if (!Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) {
      const prop = node.props?.get(k);
      if (prop) validateListTypes(x, prop, child(path, k), out);
      else if (node.additional) validateListTypes(x, node.additional, key(path, k), out);
    }
    return;
  }
  const listType = node.schema['x-kubernetes-list-type'];
  if (listType === 'set') {
    for (const i of nonUnique(v.map(identity))) out.push(duplicate(index(path, i), v[i] as Json));
  } else if (listType === 'map') {
    const bad = v.findIndex((x) => x !== null && (typeof x !== 'object' || Array.isArray(x)));
    if (bad >= 0) {
      out.push(invalid(index(path, bad), v[bad] as Json, 'must be an object for an array of list-type map'));
    } else {
      const keyFields = node.schema['x-kubernetes-list-map-keys'] ?? [];
      const keyOf = (x: Json): Record<string, Json> => {
        const kv: Record<string, Json> = {};
        if (x && typeof x === 'object' && !Array.isArray(x)) for (const f of keyFields) if (f in x) kv[f] = x[f] as Json;
        return kv;
      };
      for (const i of nonUnique(v.map((x) => identity(keyOf(x as Json)))))
        out.push(duplicate(index(path, i), keyOf(v[i] as Json)));
    }
  }
  if (node.items) v.forEach((x, i) => validateListTypes(x, node.items as CNode, index(path, i), out));
}
