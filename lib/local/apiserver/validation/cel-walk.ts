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
import { runRule, type CompiledRule } from './cel/rules';
import { toCelValue, type CelMemo } from './cel/value';
import type { CelValue } from '@bufbuild/cel';

/**
 * Values (as JSON) each oldSelf-free rule has passed, bounded per rule. Such a rule is a pure
 * function of its value, and objects repeat the same values all the time (the same parentRefs,
 * backendRefs, filters, hostnames), so a re-seen value skips the CEL evaluation. Only passes are
 * kept, so every failure is evaluated afresh with its message.
 */
const passed = new WeakMap<CompiledRule, Set<string>>();
const PASSED_PER_RULE = 4096;

function passedBefore(r: CompiledRule, json: string): boolean {
  return passed.get(r)?.has(json) ?? false;
}

function remember(r: CompiledRule, json: string): void {
  let set = passed.get(r);
  if (!set) passed.set(r, (set = new Set()));
  if (set.size >= PASSED_PER_RULE) set.clear();
  set.add(json);
}

const isObj = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function causeFor(reason: string | undefined, path: string, type: string, detail: string): FieldCause {
  switch (reason) {
    case 'FieldValueForbidden':
      return forbidden(path, detail);
    case 'FieldValueRequired':
      return required(path, detail);
    case 'FieldValueDuplicate':
      return duplicate(path, type);
    default:
      return invalid(path, type, detail);
  }
}

/** Old list items correlated by list-map keys. */
function oldByKey(node: CNode, old: Json | undefined): (x: Json) => Json | undefined {
  const keys = node.schema['x-kubernetes-list-map-keys'];
  if (node.schema['x-kubernetes-list-type'] !== 'map' || !keys?.length || !Array.isArray(old)) return () => undefined;
  const id = (x: Json): string | undefined => (isObj(x) ? JSON.stringify(keys.map((k) => x[k] ?? null)) : undefined);
  const byId = new Map<string, Json>();
  for (const o of old) {
    const k = id(o);
    if (k !== undefined) byId.set(k, o);
  }
  return (x) => {
    const k = id(x);
    return k === undefined ? undefined : byId.get(k);
  };
}

/**
 * Runs the rules of `node` and below on `v` (old value `old`), appending causes. `same` tells
 * that an ancestor already found the value equal to its old value.
 */
export function validateCel(
  v: Json | undefined,
  old: Json | undefined,
  node: CNode,
  path: string,
  memo: CelMemo,
  out: FieldCause[],
  same = false,
): void {
  if (v === undefined || v === null || !node.hasRules) return;
  const unchanged = same || (old !== undefined && old !== null && deepEqual(v, old));
  if (unchanged && !node.hasTransitionRules) return;
  if (node.rules.length) {
    let self: CelValue | undefined;
    let oldSelf: CelValue | undefined;
    let json: string | undefined;
    const type = node.schema['x-kubernetes-int-or-string'] ? '' : (node.schema.type ?? '');
    for (const r of node.rules) {
      if (unchanged && !r.usesOldSelf) continue;
      // A rule without oldSelf is a pure function of the value: a value it passed before passes again.
      const pure = !r.usesOldSelf;
      if (pure && passedBefore(r, (json ??= JSON.stringify(v)))) continue;
      self ??= toCelValue(v, node, memo);
      if (oldSelf === undefined && old !== undefined && old !== null) oldSelf = toCelValue(old, node, memo);
      const res = runRule(r, self, oldSelf);
      if (!res) continue;
      if (res.ok) {
        if (pure) remember(r, json as string);
        continue;
      }
      if ('error' in res) {
        out.push(invalid(path, type, res.error));
        continue;
      }
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
