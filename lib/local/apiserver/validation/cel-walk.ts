/**
 * Evaluates every node's CEL rules over an object, as apiextensions-apiserver schema/cel/validation.go
 * does: rules only for non-null values, old values correlated through object properties, map entries
 * and list-type=map keys only (so transition rules on other list items never run).
 */
import type { FieldCause, Json, JsonObject } from '../types';
import { child, duplicate, forbidden, index, invalid, key, required } from './field-errors';
import type { CNode } from './node';
import { runRule } from './cel/rules';
import { toCelValue, type CelMemo } from './cel/value';

const isObj = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function causeFor(reason: string | undefined, path: string, type: string, detail: string): FieldCause {
  switch (reason) {
    case 'FieldValueForbidden': return forbidden(path, detail);
    case 'FieldValueRequired': return required(path, detail);
    case 'FieldValueDuplicate': return duplicate(path, type);
    default: return invalid(path, type, detail);
  }
}

/** Old list items correlated by list-map keys. */
function oldByKey(node: CNode, old: Json | undefined): ((x: Json) => Json | undefined) {
  const keys = node.schema['x-kubernetes-list-map-keys'];
  if (node.schema['x-kubernetes-list-type'] !== 'map' || !keys?.length || !Array.isArray(old)) return () => undefined;
  const id = (x: Json): string | undefined => (isObj(x) ? JSON.stringify(keys.map((k) => x[k] ?? null)) : undefined);
  const byId = new Map<string, Json>();
  for (const o of old) { const k = id(o); if (k !== undefined) byId.set(k, o); }
  return (x) => { const k = id(x); return k === undefined ? undefined : byId.get(k); };
}

/** Runs the rules of `node` and below on `v` (old value `old`), appending causes. */
export function validateCel(v: Json | undefined, old: Json | undefined, node: CNode, path: string, memo: CelMemo, out: FieldCause[]): void {
  if (v === undefined || v === null || !node.hasRules) return;
  if (node.rules.length) {
    const self = toCelValue(v, node, memo);
    const oldSelf = old === undefined || old === null ? undefined : toCelValue(old, node, memo);
    const type = node.schema['x-kubernetes-int-or-string'] ? '' : (node.schema.type ?? '');
    for (const r of node.rules) {
      const res = runRule(r, self, oldSelf);
      if (!res || res.ok) continue;
      if ('error' in res) { out.push(invalid(path, type, res.error)); continue; }
      const at = r.fieldPath ? child(path, r.fieldPath) : path;
      out.push(causeFor(r.rule.reason, at, type, res.detail));
    }
  }
  for (const sub of node.allOf) validateCel(v, old, sub, path, memo, out);
  if (Array.isArray(v)) {
    if (!node.items?.hasRules) return;
    const corr = oldByKey(node, old);
    v.forEach((x, i) => validateCel(x, corr(x), node.items as CNode, index(path, i), memo, out));
  } else if (isObj(v)) {
    const oldObj = isObj(old) ? old : undefined;
    for (const [k, x] of Object.entries(v)) {
      const prop = node.props?.get(k);
      if (prop) validateCel(x, oldObj?.[k], prop, child(path, k), memo, out);
      else if (node.additional) validateCel(x, oldObj?.[k], node.additional, key(path, k), memo, out);
    }
  }
}
