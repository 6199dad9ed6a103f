/**
 * JSON Pointer, RFC 6901, as RFC 6902 patch operations address locations with it.
 */
import type { Json } from '../types';
import { isObject } from './json';

/** Thrown for a pointer that cannot be resolved; JSON patch turns it into a 422. */
export class PointerError extends Error {}

/** RFC 6901 §3-4: splits `/a~1b/~0c` into `['a/b', '~c']`; `''` addresses the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PointerError(`invalid JSON pointer "${pointer}": must start with "/"`);
  return (
    pointer
      .slice(1)
      .split('/')
      // Order matters (RFC 6901 §4): `~01` must decode to `~1`, not `/`.
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
  );
}

/**
 * Parses an array index token (RFC 6901 §4: decimal digits without leading zeros). `max` is the
 * highest accepted index: the length for an insertion point, length - 1 for an existing element.
 */
export function arrayIndex(token: string, max: number, pointer: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new PointerError(`invalid array index "${token}" in "${pointer}"`);
  const i = Number(token);
  if (i > max) throw new PointerError(`index ${i} out of bounds in "${pointer}"`);
  return i;
}

/** The value a pointer addresses, or a PointerError when any step is missing. */
export function resolvePointer(doc: Json, tokens: string[], pointer: string): Json {
  let cur: Json = doc;
  for (const t of tokens) {
    if (Array.isArray(cur)) {
      const next: Json | undefined = cur[arrayIndex(t, cur.length - 1, pointer)];
      if (next === undefined) throw new PointerError(`missing value at "${pointer}"`);
      cur = next;
    } else if (isObject(cur) && Object.hasOwn(cur, t)) {
      cur = cur[t] as Json;
    } else {
      throw new PointerError(`doc is missing path: "${pointer}": missing value`);
    }
  }
  return cur;
}
