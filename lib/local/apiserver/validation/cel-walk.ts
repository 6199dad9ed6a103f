/**
 * Evaluates every node's CEL rules over an object, as apiextensions-apiserver schema/cel/validation.go
 * does: rules only for non-null values, old values correlated through object properties, map entries
 * and list-type=map keys only (so transition rules on other list items never run).
 *
 * Ratcheting (KEP-4008, CRDValidationRatcheting, on by default since Kubernetes 1.30): on update, a
 * value equal to its correlated old value does not re-run the rules that do not read oldSelf — the
 * old value passed them when it was written, and kube ignores their errors on unchanged values.
 * Transition rules still run. This keeps a metadata-only patch from re-evaluating every spec rule.
 */
import { deepEqual } from '../json-utils';
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

/**
 * Runs the rules of `node` and below on `v` (old value `old`), appending causes. `same` tells
 * that an ancestor already found the value equal to its old value.
 */
export function validateCel(v: Json | undefined, old: Json | undefined, node: CNode, path: string, memo: CelMemo, out: FieldCause[], same = false): void {
  if (v === undefined || v === null || !node.hasRules) return;
  const unchanged = same || (old !== undefined && old !== null && deepEqual(v, old));
  if (unchanged && !node.hasTransitionRules) return;
  if (node.rules.length) {
    const self = toCelValue(v, node, memo);
    const oldSelf = old === undefined || old === null ? undefined : toCelValue(old, node, memo);
    const type = node.schema['x-kubernetes-int-or-string'] ? '' : (node.schema.type ?? '');
    for (const r of node.rules) {
      if (unchanged && !r.usesOldSelf) continue;
      const res = runRule(r, self, oldSelf);
      if (!res || res.ok) continue;
      if ('error' in res) { out.push(invalid(path, type, res.error)); continue; }
      const at = r.fieldPath ? child(path, r.fieldPath) : path;
      out.push(causeFor(r.rule.reason, at, type, res.detail));
    }
  }
  for (const sub of node.allOf) validateCel(v, old, sub, path, memo, out, unchanged);
  if (Array.isArray(v)) {
    if (!node.items?.hasRules) return;
    const corr = oldByKey(node, old);
    // Items of an unchanged list correlate only through list-map keys, like any other list.
    v.forEach((x, i) => {
      const o = corr(x);
      validateCel(x, o, node.items as CNode, index(path, i), memo, out, unchanged && o !== undefined);
    });
  } else if (isObj(v)) {
    const oldObj = isObj(old) ? old : undefined;
    for (const [k, x] of Object.entries(v)) {
      const prop = node.props?.get(k);
      if (prop) validateCel(x, oldObj?.[k], prop, child(path, k), memo, out, unchanged);
      else if (node.additional) validateCel(x, oldObj?.[k], node.additional, key(path, k), memo, out, unchanged);
    }
  }
}
