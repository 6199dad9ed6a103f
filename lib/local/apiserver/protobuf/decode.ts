/**
 * Decoding of `application/vnd.kubernetes.protobuf` request bodies into the JSON the rest of
 * the server works with. client-go's typed clients (kubectl create secret|configmap|namespace|
 * service …) send built-in kinds this way, and nothing in the request lets the server ask for
 * JSON instead: client-go falls back from a 415 only for CBOR, so the server must read them.
 *
 * The body is the 4-byte magic `k8s\0` followed by a runtime.Unknown message:
 * typeMeta = 1 (apiVersion = 1, kind = 2), raw = 2 (the object), contentEncoding = 3,
 * contentType = 4 (k8s.io/apimachinery/pkg/runtime/generated.proto).
 */
import { ApiError, type Json, type JsonObject } from '../types';
import type { FieldDesc, LeafType, MessageDesc } from './descriptors';
import { KIND_MESSAGES } from './kind-messages';
import { readFields, toSigned, toText, WireError, type WireField } from './wire';

/** The media type client-go uses for protobuf. */
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** 415, worded as kube-apiserver words an undecodable body. */
export const unsupportedMediaType = (detail: string): ApiError =>
  new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, ${PROTOBUF_MEDIA_TYPE} (${detail})`,
  );

const badRequest = (detail: string): ApiError => new ApiError(400, 'BadRequest', `error decoding protobuf body: ${detail}`);

/** Decodes a protobuf request body into the object's JSON form (with apiVersion and kind). */
export function decodeProtobufObject(buf: Buffer): JsonObject {
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw badRequest('the body does not start with the k8s\\0 protobuf prefix');
  }
  try {
    const envelope = readFields(buf.subarray(MAGIC.length));
    let apiVersion = '';
    let kind = '';
    let raw: Uint8Array = new Uint8Array();
    for (const fld of envelope) {
      if (fld.field === 1 && fld.wire === 2) {
        for (const tm of readFields(fld.value)) {
          if (tm.wire !== 2) continue;
          if (tm.field === 1) apiVersion = toText(tm.value);
          if (tm.field === 2) kind = toText(tm.value);
        }
      } else if (fld.field === 2 && fld.wire === 2) {
        raw = fld.value;
      } else if (fld.field === 3 && fld.wire === 2 && fld.value.length > 0) {
        throw unsupportedMediaType(`content encoding ${toText(fld.value)} is not supported`);
      }
    }
    const desc = KIND_MESSAGES.get(`${apiVersion}/${kind}`);
    if (!desc) throw unsupportedMediaType(`${apiVersion}, Kind=${kind} is not accepted as protobuf by this server`);
    return { apiVersion, kind, ...decodeMessage(raw, desc) };
  } catch (e) {
    if (e instanceof WireError) throw badRequest(e.message);
    throw e;
  }
}

/** Decodes one message by its descriptor; unknown field numbers are refused, never dropped. */
export function decodeMessage(buf: Uint8Array, desc: MessageDesc): JsonObject {
  const out: JsonObject = {};
  for (const fld of readFields(buf)) {
    const fd = desc.fields[fld.field];
    if (!fd) throw unsupportedMediaType(`field ${fld.field} of ${desc.name} is not known to this server`);
    const v = decodeValue(fld, fd, desc);
    if (v === undefined) continue;
    if (fd.repeated) {
      const arr = out[fd.name];
      if (Array.isArray(arr)) arr.push(v);
      else out[fd.name] = [v];
    } else if (fd.type === 'stringMap' || fd.type === 'bytesMap') {
      let m = out[fd.name];
      if (!m || typeof m !== 'object' || Array.isArray(m)) out[fd.name] = m = {};
      Object.assign(m, v as JsonObject);
    } else {
      out[fd.name] = v;
    }
  }
  return out;
}

function expectWire(fld: WireField, wire: 0 | 2, fd: FieldDesc, desc: MessageDesc): void {
  if (fld.wire !== wire) throw new WireError(`${desc.name}.${fd.name}: wire type ${fld.wire}, expected ${wire}`);
}

function decodeValue(fld: WireField, fd: FieldDesc, desc: MessageDesc): Json | undefined {
  if (typeof fd.type !== 'string') {
    expectWire(fld, 2, fd, desc);
    return decodeMessage(fld.value as Uint8Array, fd.type);
  }
  const keepZero = fd.pointer === true || fd.repeated === true;
  if (fd.type === 'int' || fd.type === 'bool') {
    expectWire(fld, 0, fd, desc);
    const n = toSigned(fld.value as bigint);
    if (n === 0 && !keepZero) return undefined;
    return fd.type === 'bool' ? n !== 0 : n;
  }
  expectWire(fld, 2, fd, desc);
  return decodeBytesLeaf(fld.value as Uint8Array, fd.type, keepZero);
}

function decodeBytesLeaf(b: Uint8Array, type: Exclude<LeafType, 'int' | 'bool'>, keepZero: boolean): Json | undefined {
  switch (type) {
    case 'string': {
      const s = toText(b);
      return s === '' && !keepZero ? undefined : s;
    }
    case 'bytes':
      return Buffer.from(b).toString('base64');
    case 'time':
      return decodeTime(b);
    case 'intOrString':
      return decodeIntOrString(b, keepZero);
    case 'stringMap':
    case 'bytesMap':
      return decodeMapEntry(b, type);
  }
}

/** metav1.Time: an empty message is the zero time (JSON null, i.e. unset). */
function decodeTime(b: Uint8Array): string | undefined {
  let seconds = 0;
  let seen = false;
  for (const fld of readFields(b)) {
    if (fld.field === 1 && fld.wire === 0) {
      seconds = toSigned(fld.value);
      seen = true;
    }
  }
  // metav1.Time serializes to whole seconds in JSON (RFC 3339), so nanos are dropped.
  return seen ? new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
}

/** intstr.IntOrString: type 0 = int (intVal), 1 = string (strVal). A non-pointer zero is unset. */
function decodeIntOrString(b: Uint8Array, keepZero: boolean): number | string | undefined {
  let type = 0;
  let intVal = 0;
  let strVal = '';
  for (const fld of readFields(b)) {
    if (fld.field === 1 && fld.wire === 0) type = toSigned(fld.value);
    else if (fld.field === 2 && fld.wire === 0) intVal = toSigned(fld.value);
    else if (fld.field === 3 && fld.wire === 2) strVal = toText(fld.value);
  }
  const v = type === 1 ? strVal : intVal;
  return (v === 0 || v === '') && !keepZero ? undefined : v;
}

/** One map entry (key = 1, value = 2) as a one-key object, merged by the caller. */
function decodeMapEntry(b: Uint8Array, type: 'stringMap' | 'bytesMap'): JsonObject {
  let key = '';
  let value: string = '';
  for (const fld of readFields(b)) {
    if (fld.wire !== 2) continue;
    if (fld.field === 1) key = toText(fld.value);
    else if (fld.field === 2) value = type === 'bytesMap' ? Buffer.from(fld.value).toString('base64') : toText(fld.value);
  }
  return { [key]: value };
}
