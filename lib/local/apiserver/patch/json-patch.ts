/**
 * JSON patch, RFC 6902 (`application/json-patch+json`), as `kubectl patch --type json` sends it.
 * Small enough to own rather than depend on a library, and the errors can be worded like the
 * real server's (evanphx/json-patch behind k8s.io/apiserver's patch handler).
 */
import type { Json, JsonObject } from '../types';
import { patchBadRequest, patchUnprocessable } from './errors';
import { clone, deepEqual, isObject } from './json';
import { PointerError, arrayIndex, parsePointer, resolvePointer } from './json-pointer';

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;
type Op = (typeof OPS)[number];

/** One decoded operation; `value` is present when the op carries one. */
interface Operation {
  op: Op;
  path: string;
  from?: string;
  value?: Json;
}

/** Apply-time failure; becomes the real server's 422. */
class OperationError extends Error {}

function decode(ops: Json): JsonObject[] {
  // The real server fails to decode anything but an array of objects with 400 BadRequest.
  if (!Array.isArray(ops)) {
    throw patchBadRequest(
      `json: cannot unmarshal ${isObject(ops) ? 'object' : typeof ops} into Go value of type jsonpatch.Patch`,
    );
  }
  return ops.map((o) => {
    if (!isObject(o)) throw patchBadRequest('json: cannot unmarshal non-object into Go value of type jsonpatch.Operation');
    return o;
  });
}

function toOperation(raw: JsonObject): Operation {
  const op = raw.op;
  if (typeof op !== 'string' || !(OPS as readonly string[]).includes(op)) {
    throw new OperationError(`Unexpected kind: ${typeof op === 'string' ? op : 'unknown'}`);
  }
  if (typeof raw.path !== 'string') throw new OperationError(`${op} operation missing path`);
  const out: Operation = { op: op as Op, path: raw.path };
  if (op === 'move' || op === 'copy') {
    if (typeof raw.from !== 'string') throw new OperationError(`${op} operation missing from`);
    out.from = raw.from;
  }
  if (op === 'add' || op === 'replace' || op === 'test') {
    // RFC 6902 §4.1: "value" is required; `null` is a legitimate value.
    if (!Object.hasOwn(raw, 'value')) throw new OperationError(`${op} operation missing value`);
    out.value = raw.value as Json;
  }
  return out;
}

/** The container holding the last token of `tokens`, and that token. */
function parentOf(doc: Json, tokens: string[], pointer: string): { parent: Json; key: string } {
  const parent = resolvePointer(doc, tokens.slice(0, -1), pointer);
  return { parent, key: tokens[tokens.length - 1] as string };
}

/** RFC 6902 §4.1 add; returns the new document (the root may be replaced). */
function add(doc: Json, pointer: string, value: Json): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = parentOf(doc, tokens, pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : arrayIndex(key, parent.length, pointer);
    parent.splice(i, 0, value);
  } else if (isObject(parent)) {
    parent[key] = value;
  } else {
    throw new OperationError(`add operation does not apply: doc is missing path: "${pointer}": missing value`);
  }
  return doc;
}

/** RFC 6902 §4.2 remove; the target must exist. */
function remove(doc: Json, pointer: string, op = 'remove'): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw new OperationError(`${op} operation does not apply: cannot remove the whole document`);
  const { parent, key } = parentOf(doc, tokens, pointer);
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(key, parent.length - 1, pointer), 1);
  } else if (isObject(parent) && Object.hasOwn(parent, key)) {
    delete parent[key];
  } else {
    throw new OperationError(`${op} operation does not apply: doc is missing key: "${pointer}": missing value`);
  }
  return doc;
}

function step(doc: Json, o: Operation): Json {
  switch (o.op) {
    case 'add':
      return add(doc, o.path, o.value as Json);
    case 'remove':
      return remove(doc, o.path);
    case 'replace':
      // §4.3: identical to remove then add, and the target must exist (the root always does).
      if (o.path === '') return o.value as Json;
      return add(remove(doc, o.path, 'replace'), o.path, o.value as Json);
    case 'move': {
      const from = o.from as string;
      // §4.4: a location cannot be moved into one of its own children.
      if (o.path.startsWith(`${from}/`))
        throw new OperationError(`move operation does not apply: "${from}" is a prefix of "${o.path}"`);
      const value = resolvePointer(doc, parsePointer(from), from);
      return add(remove(doc, from, 'move'), o.path, value);
    }
    case 'copy': {
      const from = o.from as string;
      return add(doc, o.path, clone(resolvePointer(doc, parsePointer(from), from)));
    }
    case 'test': {
      let actual: Json | undefined;
      try {
        actual = resolvePointer(doc, parsePointer(o.path), o.path);
      } catch {
        actual = undefined;
      }
      if (!deepEqual(actual, o.value)) throw new OperationError(`testing value ${o.path} failed: test failed`);
      return doc;
    }
  }
}

/**
 * Applies an RFC 6902 patch (an array of operations) to a stored object, atomically: the
 * original is never mutated, and any failing operation fails the whole patch (§5).
 *
 * Throws 400 BadRequest when the body is not an array of objects, and 422 Invalid ("the server
 * rejected our request due to an error in our request") when an operation is malformed, its
 * path does not exist, or a `test` fails, as kube-apiserver does.
 */
export function applyJsonPatch(original: JsonObject, ops: Json): JsonObject {
  const raw = decode(ops);
  let doc: Json = clone(original);
  try {
    for (const r of raw) doc = step(doc, toOperation(r));
  } catch (e) {
    if (e instanceof OperationError || e instanceof PointerError) throw patchUnprocessable(e.message);
    throw e;
  }
  if (!isObject(doc)) throw patchUnprocessable('the patched document is not a JSON object');
  return doc;
}
