/**
 * Converts a decoded JSON value to the CEL value kube binds to `self`
 * (apiextensions-apiserver schema/cel UnstructuredToVal): integers as int, `number` fields as double,
 * object properties under their escaped CEL names. Built once per node per validation (memoized).
 */
import { celList, celMap, type CelValue } from '@bufbuild/cel';
import type { Json } from '../../types';
import type { CNode } from '../node';
import { escapeProperty } from './types';

/** Memo of converted objects and arrays, valid for one validation call. */
export type CelMemo = WeakMap<object, CelValue>;

/** The CEL value of `v` typed by `node`. */
export function toCelValue(v: Json, node: CNode | undefined, memo: CelMemo): CelValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    return node?.schema.type === 'number' || !Number.isInteger(v) ? v : BigInt(v);
  }
  const hit = memo.get(v);
  if (hit !== undefined) return hit;
  let out: CelValue;
  if (Array.isArray(v)) {
    out = celList(v.map((x) => toCelValue(x, node?.items, memo)));
  } else {
    const m = new Map<string, CelValue>();
    for (const [k, x] of Object.entries(v)) {
      const prop = node?.props?.get(k);
      if (prop) {
        const name = escapeProperty(k);
        if (name !== undefined) m.set(name, toCelValue(x, prop, memo));
      } else {
        m.set(k, toCelValue(x, node?.additional, memo));
      }
    }
    out = celMap(m);
  }
  memo.set(v, out);
  return out;
}
