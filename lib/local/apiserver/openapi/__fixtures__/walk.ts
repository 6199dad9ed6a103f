/**
 * Test helpers over served OpenAPI JSON: walking every node and reading protobuf fields.
 */
import type { Json, JsonObject } from '../../types';

/** Calls `visit` on every object in `value`, with its JSON path. */
export function walk(value: Json, visit: (node: JsonObject, where: string) => void, where = '$'): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${where}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    visit(value, where);
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${where}.${k}`);
  }
}

/** Top-level fields of a protobuf message: field number → raw payloads (length-delimited) or varints. */
export function protoFields(buf: Buffer): Map<number, Array<Buffer | bigint>> {
  const fields = new Map<number, Array<Buffer | bigint>>();
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buf[pos++];
      if (byte === undefined) throw new Error('truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const field = key >> 3;
    const wire = key & 7;
    let value: Buffer | bigint;
    if (wire === 0) value = varint();
    else if (wire === 1) {
      value = buf.subarray(pos, pos + 8);
      pos += 8;
    } else if (wire === 2) {
      const len = Number(varint());
      value = buf.subarray(pos, pos + len);
      pos += len;
      if (pos > buf.length) throw new Error('truncated field');
    } else throw new Error(`unexpected wire type ${wire}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}
