/**
 * The value side of server-side apply: merging an applied configuration into the live object
 * (applied values win, map and set lists merge item by item) and removing the fields an applier
 * gave up. Ordering of merged lists follows structured-merge-diff: items keep the applied order,
 * live-only items keep their place.
 */
import type { Json, JsonObject, SchemaNode } from '../types';
import type { FieldPath, FieldSet } from './field-set';
import { clone, isObject } from './json';
import { fieldElement } from './path-format';
import { fieldSchema, itemSchema } from './schema';
import { listItems, shapeOf, tryListItems, type ListItem } from './typed';

/** Merges `rhs` (applied) into `lhs` (live). Nulls in the applied configuration unset the field. */
export function mergeApplied(lhs: Json | undefined, rhs: Json, schema: SchemaNode | undefined, path: FieldPath = []): Json {
  if (lhs === undefined) return clone(rhs);
  const shape = shapeOf(rhs, schema);
  if (shape === 'map' && isObject(lhs) && isObject(rhs)) {
    const out = clone(lhs);
    for (const [k, v] of Object.entries(rhs)) {
      if (v === null) delete out[k];
      else out[k] = mergeApplied(out[k], v, fieldSchema(schema, k), [...path, fieldElement(k)]);
    }
    return out;
  }
  if ((shape === 'set' || shape === 'assoc') && Array.isArray(lhs) && Array.isArray(rhs)) {
    const l = tryListItems(lhs, schema, path);
    if (!l) return clone(rhs);
    const r = listItems(rhs, schema, path);
    const itemMerge = (li: Json | undefined, ri: Json): Json =>
      shape === 'assoc' ? mergeApplied(li, ri, itemSchema(schema)) : clone(ri);
    return mergeOrdered(l, r, itemMerge);
  }
  return clone(rhs);
}

/** structured-merge-diff's list merge order: shared items follow the applied order, live-only items stay put. */
function mergeOrdered(lhs: ListItem[], rhs: ListItem[], merge: (l: Json | undefined, r: Json) => Json): Json[] {
  const lMap = new Map(lhs.map((i) => [i.pe, i.item]));
  const rMap = new Map(rhs.map((i) => [i.pe, i.item]));
  const shared = rhs.filter((i) => lMap.has(i.pe)).map((i) => i.pe);
  const done = new Set<string>();
  const out: Json[] = [];
  let next = shared.shift();
  let li = 0;
  let ri = 0;
  while (li < lhs.length || ri < rhs.length) {
    const lpe = lhs[li]?.pe;
    const rpe = rhs[ri]?.pe;
    if (lpe !== undefined && rpe !== undefined) {
      if (lpe === rpe) {
        out.push(merge(lMap.get(lpe), rMap.get(rpe) as Json));
        done.add(lpe);
        li++;
        ri++;
        next = shared.shift();
        continue;
      }
      if (rMap.has(lpe) && next !== undefined && next !== lpe) {
        li++;
        continue;
      }
    }
    if (lpe !== undefined) {
      if (!rMap.has(lpe)) {
        out.push(lMap.get(lpe) as Json);
        li++;
        continue;
      }
      if (done.has(lpe)) {
        li++;
        continue;
      }
    }
    if (rpe !== undefined) {
      done.add(rpe);
      out.push(merge(lMap.get(rpe), rMap.get(rpe) as Json));
      ri++;
      if (next === rpe) next = shared.shift();
    }
  }
  return out;
}

/**
 * Removes from `obj` every path of `toRemove` that no manager still owns, keeping nodes that
 * still hold owned fields below them. Maps and lists emptied by the removal disappear too unless
 * someone owns them, so giving up `spec.foo.bar` does not leave `foo: {}` behind.
 */
export function removeUnowned(obj: JsonObject, toRemove: FieldSet, owned: FieldSet, schema: SchemaNode | undefined): JsonObject {
  const out = clone(obj);
  pruneNode(out, toRemove, owned, schema, []);
  return out;
}

/** Returns true when the node became empty through removal and nobody owns it. */
function pruneNode(
  v: Json,
  toRemove: FieldSet,
  owned: FieldSet | undefined,
  schema: SchemaNode | undefined,
  path: FieldPath,
): boolean {
  const shape = shapeOf(v, schema);
  if (shape === 'map' && isObject(v)) {
    let touched = false;
    for (const [pe, sub] of toRemove.children) {
      if (!pe.startsWith('f:')) continue;
      const k = pe.slice(2);
      if (!Object.hasOwn(v, k)) continue;
      const ownedBelow = owned?.children.get(pe);
      if (decideRemoval(v[k] as Json, sub, ownedBelow, fieldSchema(schema, k), [...path, pe])) {
        delete v[k];
        touched = true;
      }
    }
    return touched && Object.keys(v).length === 0 && !owned?.member;
  }
  if ((shape === 'assoc' || shape === 'set') && Array.isArray(v)) {
    const items = tryListItems(v, schema, path);
    if (!items) return false;
    const keep = items.filter(({ pe, item }) => {
      const sub = toRemove.children.get(pe);
      if (!sub) return true;
      return !decideRemoval(item, sub, owned?.children.get(pe), itemSchema(schema), [...path, pe]);
    });
    if (keep.length === items.length) return false;
    v.splice(0, v.length, ...keep.map((i) => i.item));
    return v.length === 0 && !owned?.member;
  }
  return false;
}

function decideRemoval(
  v: Json,
  toRemove: FieldSet,
  owned: FieldSet | undefined,
  schema: SchemaNode | undefined,
  path: FieldPath,
): boolean {
  const ownedAny = owned !== undefined && !owned.isEmpty();
  if (toRemove.member && !ownedAny) return true;
  return pruneNode(v, toRemove, owned, schema, path);
}
