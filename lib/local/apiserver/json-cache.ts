/**
 * The serialized form of stored objects, remembered per object identity. Stored objects are
 * never mutated (the store's contract), so the JSON computed once at commit time stays valid for
 * as long as the object lives: responses of get, create, update, patch and delete reuse it
 * instead of serializing the object again. A WeakMap, so it holds nothing the store dropped.
 */
import type { JsonObject } from './types';

const jsonByObject = new WeakMap<JsonObject, string>();
const bytesByObject = new WeakMap<JsonObject, Buffer>();

/** Records `json` as the serialization of the (immutable) stored object `obj`. */
export function rememberJson(obj: JsonObject, json: string): void {
  jsonByObject.set(obj, json);
}

/** The JSON text of `obj`: the remembered one when `obj` is a stored object, else serialized now. */
export function jsonOf(obj: JsonObject): string {
  return jsonByObject.get(obj) ?? JSON.stringify(obj);
}

/**
 * The UTF-8 bytes of a stored object's JSON, computed once: lists of thousands of objects are
 * then one Buffer.concat, with no large string to build, measure and encode per request.
 */
export function jsonBytesOf(obj: JsonObject): Buffer {
  let b = bytesByObject.get(obj);
  if (!b) {
    b = Buffer.from(jsonOf(obj));
    // Only stored objects are worth keeping; anything else is one-off.
    if (jsonByObject.has(obj)) bytesByObject.set(obj, b);
  }
  return b;
}
