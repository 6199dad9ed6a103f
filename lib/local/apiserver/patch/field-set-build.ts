/**
 * Building field sets from objects: the set of fields an applied configuration sets
 * (`ToFieldSet`), and the fields added, modified and removed between two versions (`Compare`),
 * following sigs.k8s.io/structured-merge-diff's typed walkers.
 */
import type { Json, SchemaNode } from '../types';
import { FieldSet, type FieldPath } from './field-set';
import { deepEqual, isObject } from './json';
import { fieldElement } from './path-format';
import { fieldSchema, itemSchema } from './schema';
import { listItems, shapeOf, tryListItems, type ListItem } from './typed';

/**
 * The fields a value sets. Leaves are members; granular maps are not members themselves unless
 * empty or null; list items of map and set lists are members (plus their fields).
 * Throws TypedValueError for map lists with missing or duplicate keys.
 */
export function toFieldSet(value: Json, schema: SchemaNode | undefined): FieldSet {
  const set = new FieldSet();
  walkSet(value, schema, [], set);
  return set;
}

function walkSet(v: Json, schema: SchemaNode | undefined, path: FieldPath, set: FieldSet): void {
  const shape = shapeOf(v, schema);
  if (shape === 'leaf') {
    set.insert(path);
    return;
  }
  if (shape === 'map' && isObject(v)) {
    for (const [k, child] of Object.entries(v)) {
      const p = [...path, fieldElement(k)];
      if (child === null || (isObject(child) && Object.keys(child).length === 0)) set.insert(p);
      else walkSet(child, fieldSchema(schema, k), p, set);
    }
    return;
  }
  if (!Array.isArray(v)) return;
  for (const { pe, item } of listItems(v, schema, path)) {
    const p = [...path, pe];
    set.insert(p);
    if (shape === 'assoc') walkSet(item, itemSchema(schema), p, set);
  }
}

/** The difference between two versions of an object, as three field sets. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** Compares two versions (either may be absent) field by field under the schema. */
export function compare(lhs: Json | undefined, rhs: Json | undefined, schema: SchemaNode | undefined): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  walkCompare(lhs, rhs, schema, [], c);
  return c;
}

function isEmptyMap(v: Json | undefined): boolean {
  return v === undefined || v === null || (isObject(v) && Object.keys(v).length === 0);
}

function leaf(lhs: Json | undefined, rhs: Json | undefined, path: FieldPath, c: Comparison): void {
  if (lhs === undefined && rhs !== undefined) c.added.insert(path);
  else if (rhs === undefined && lhs !== undefined) c.removed.insert(path);
  else if (!deepEqual(lhs, rhs)) c.modified.insert(path);
}

function walkCompare(
  lhs: Json | undefined,
  rhs: Json | undefined,
  schema: SchemaNode | undefined,
  path: FieldPath,
  c: Comparison,
): void {
  // The same value on both sides (shared, unchanged subtrees) holds no difference.
  if (lhs !== undefined && lhs === rhs) return;
  const ls = lhs === undefined ? undefined : shapeOf(lhs, schema);
  const rs = rhs === undefined ? undefined : shapeOf(rhs, schema);
  const shape = ls ?? rs;
  // Values of different shapes, leaves, and two empty maps compare as whole values.
  if ((ls && rs && ls !== rs) || shape === 'leaf' || (shape === 'map' && isEmptyMap(lhs) && isEmptyMap(rhs))) {
    leaf(lhs, rhs, path, c);
    return;
  }
  if (shape === 'map') {
    const l = isObject(lhs) ? lhs : {};
    const r = isObject(rhs) ? rhs : {};
    for (const k of new Set([...Object.keys(l), ...Object.keys(r)])) {
      walkCompare(l[k], r[k], fieldSchema(schema, k), [...path, fieldElement(k)], c);
    }
  } else {
    const li = Array.isArray(lhs) ? tryListItems(lhs, schema, path) : [];
    const ri = Array.isArray(rhs) ? tryListItems(rhs, schema, path) : [];
    // A stored list the schema cannot key is compared as one value.
    if (!li || !ri) return leaf(lhs, rhs, path, c);
    const byPe = (items: ListItem[]): Map<string, Json> => new Map(items.map((i) => [i.pe, i.item]));
    const lm = byPe(li);
    const rm = byPe(ri);
    for (const pe of new Set([...lm.keys(), ...rm.keys()])) {
      const p = [...path, pe];
      if (shape === 'set') leaf(lm.get(pe), rm.get(pe), p, c);
      else walkCompare(lm.get(pe), rm.get(pe), itemSchema(schema), p, c);
    }
  }
  // A granular node that appears or disappears as a whole is itself added or removed.
  if (path.length > 0 && lhs === undefined) c.added.insert(path);
  else if (path.length > 0 && rhs === undefined) c.removed.insert(path);
}
