/**
 * HTTPHeaderFilter (RequestHeaderModifier / ResponseHeaderModifier) as ordered
 * edits, and a helper that applies them the way the spec's examples show.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httpheaderfilter
 */
import type { HTTPHeaderFilter } from '../types';
import type { HeaderOp } from './types';

/** Turns one HTTPHeaderFilter into ordered edits: set, then add, then remove. */
export function headerFilterOps(f: HTTPHeaderFilter | undefined): HeaderOp[] {
  const ops: HeaderOp[] = [];
  for (const h of f?.set ?? []) ops.push({ op: 'set', name: h.name, value: h.value });
  for (const h of f?.add ?? []) ops.push({ op: 'add', name: h.name, value: h.value });
  for (const n of f?.remove ?? []) ops.push({ op: 'remove', name: n });
  return ops;
}

/**
 * Applies edits to a header map (names compared case-insensitively, result keys
 * lower-case). Spec: `set` overwrites, `add` appends to existing values
 * (`my-header: foo` + add `bar,baz` → `foo,bar,baz`), `remove` drops the header.
 */
export function applyHeaderOps(headers: Map<string, string>, ops: readonly HeaderOp[]): Map<string, string> {
  const out = new Map(headers);
  for (const op of ops) {
    const name = op.name.toLowerCase();
    if (op.op === 'remove') out.delete(name);
    else if (op.op === 'set') out.set(name, op.value ?? '');
    else {
      const prev = out.get(name);
      out.set(name, prev === undefined ? (op.value ?? '') : `${prev},${op.value ?? ''}`);
    }
  }
  return out;
}
