/**
 * Pruning of unknown fields (apiextensions-apiserver pkg/apiserver/schema/pruning), in place.
 * Fields not declared by the structural schema are removed unless a node keeps them with
 * `x-kubernetes-preserve-unknown-fields`; each removed field's path is reported so the caller
 * can warn (`fieldValidation=Warn`) or refuse (`Strict`).
 */
import type { Json, JsonObject } from '../types';
import { child, index } from './field-errors';
import type { CNode } from './node';

/** Prunes `obj` (a resource root) in place; returns the paths of removed fields in document order. */
export function pruneRoot(obj: JsonObject, root: CNode): string[] {
  const removed: string[] = [];
  for (const k of Object.keys(obj)) {
    // apiVersion, kind and metadata belong to the type and ObjectMeta, not to the CRD schema.
    if (k === 'apiVersion' || k === 'kind' || k === 'metadata') continue;
    const prop = root.props?.get(k);
    if (prop) prune(obj[k] as Json, prop, k, removed);
    else if (!root.preserveUnknown) {
      removed.push(k);
      delete obj[k];
    } else if (root.additional) prune(obj[k] as Json, root.additional, k, removed);
  }
  return removed;
}

function prune(v: Json, node: CNode, path: string, removed: string[]): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    if (node.items) v.forEach((x, i) => prune(x, node.items as CNode, index(path, i), removed));
    return;
  }
  for (const k of Object.keys(v)) {
    const p = child(path, k);
    if (node.embedded && (k === 'apiVersion' || k === 'kind' || k === 'metadata')) continue;
    const prop = node.props?.get(k);
    if (prop) prune(v[k] as Json, prop, p, removed);
    else if (node.additional) prune(v[k] as Json, node.additional, p, removed);
    else if (!node.preserveUnknown) {
      removed.push(p);
      delete v[k];
    }
  }
}
