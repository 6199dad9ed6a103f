/**
 * Seeing a JSON value through its schema, as structured-merge-diff's typed values do: which
 * nodes are leaves (scalars, atomic lists and maps), which are granular maps, and how the items
 * of set and map lists are named.
 */
import type { Json, JsonObject, SchemaNode } from '../types';
import type { FieldPath, PathElement } from './field-set';
import { isObject } from './json';
import { formatElement, formatPath, keyElement, valueElement } from './path-format';
import { isAtomicMap, itemSchema, keyDefault, listSemantics } from './schema';

/** How a value merges and is owned. */
export type Shape = 'leaf' | 'map' | 'set' | 'assoc';

/** A value the schema cannot type (missing or duplicate list keys); carries the path. */
export class TypedValueError extends Error {
  constructor(
    readonly path: FieldPath,
    readonly detail: string,
  ) {
    super(`${formatPath(path) || '.'}: ${detail}`);
  }
}

/** Shape of a present value under its schema node. */
export function shapeOf(v: Json, schema: SchemaNode | undefined): Shape {
  if (isObject(v)) return isAtomicMap(schema) ? 'leaf' : 'map';
  if (!Array.isArray(v)) return 'leaf';
  const sem = listSemantics(schema);
  if (sem.kind === 'set') return 'set';
  if (sem.kind === 'map' && sem.keys.length > 0) return 'assoc';
  return 'leaf';
}

/** One item of a set or map list, with the element that names it. */
export interface ListItem {
  pe: PathElement;
  item: Json;
}

/**
 * Names each item of a set or map list. Throws TypedValueError for an item that omits a key with
 * no default, or for duplicates, worded like structured-merge-diff.
 */
export function listItems(list: Json[], schema: SchemaNode | undefined, path: FieldPath): ListItem[] {
  const sem = listSemantics(schema);
  const seen = new Set<PathElement>();
  return list.map((item) => {
    let pe: PathElement;
    if (sem.kind === 'map') {
      if (!isObject(item)) throw new TypedValueError(path, `expected map items, got ${JSON.stringify(item)}`);
      const keys: JsonObject = {};
      for (const k of sem.keys) {
        const v = item[k] ?? keyDefault(itemSchema(schema), k);
        if (v === undefined) {
          throw new TypedValueError(
            path,
            `associative list with keys has an element that omits key field "${k}" (and doesn't have default value)`,
          );
        }
        keys[k] = v;
      }
      pe = keyElement(keys);
    } else {
      pe = valueElement(item);
    }
    if (seen.has(pe)) {
      const what = sem.kind === 'map' ? `key ${formatElement(pe)}` : `value ${formatElement(pe).slice(2, -1)}`;
      throw new TypedValueError(path, `duplicate entries for ${what}`);
    }
    seen.add(pe);
    return { pe, item };
  });
}

/** Like listItems, but a list that cannot be typed is reported as undefined (treated as atomic). */
export function tryListItems(list: Json[], schema: SchemaNode | undefined, path: FieldPath): ListItem[] | undefined {
  try {
    return listItems(list, schema, path);
  } catch (e) {
    if (e instanceof TypedValueError) return undefined;
    throw e;
  }
}
