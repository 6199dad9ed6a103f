/**
 * Structural defaulting (apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go), in place:
 * a property missing from an object that exists (or null while not nullable) gets a deep copy of its
 * `default`, then defaulting continues into every value, including the defaulted ones.
 */
import type { Json } from '../types';
import type { CNode } from './node';

const copy = (v: Json): Json => (v === null || typeof v !== 'object' ? v : (structuredClone(v) as Json));

/** Applies defaults below `node` to `v` in place. */
export function applyDefaults(v: Json, node: CNode): void {
  if (!node.hasDefaults || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    if (node.items) for (const x of v) applyDefaults(x, node.items);
    return;
  }
  for (const [k, d] of node.defaulted) {
    const cur = v[k];
    if (cur === undefined || (cur === null && node.props?.get(k)?.schema.nullable !== true)) v[k] = copy(d);
  }
  for (const [k, x] of Object.entries(v)) {
    const prop = node.props?.get(k) ?? node.additional;
    if (prop) applyDefaults(x, prop);
  }
}
