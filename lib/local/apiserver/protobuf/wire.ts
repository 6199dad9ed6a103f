/**
 * Protocol buffers wire format, reading side only: the few primitives the Kubernetes protobuf
 * encoding (gogo-generated marshalers) uses — varints, length-delimited fields and the fixed
 * widths, which appear in no built-in kind we decode but must still be skipped correctly.
 * https://protobuf.dev/programming-guides/encoding/
 */

/** Wire types of a field key (`key = field << 3 | wireType`). */
export const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

/** One field as read from the wire: a varint (as bigint, so int64 survives) or raw bytes. */
export type WireField =
  | { field: number; wire: 0; value: bigint }
  | { field: number; wire: 2; value: Uint8Array }
  | { field: number; wire: 1 | 5; value: Uint8Array };

/** A malformed message (truncated, bad varint, unsupported wire type). */
export class WireError extends Error {}

/** Reads a base-128 varint at `pos`; returns the value and the next position. */
export function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    const b = buf[pos + i];
    if (b === undefined) throw new WireError('truncated varint');
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos + i + 1];
    shift += 7n;
  }
  throw new WireError('varint longer than 10 bytes');
}

/** Splits a message into its fields, in wire order (repeated fields appear once per element). */
export function readFields(buf: Uint8Array): WireField[] {
  const out: WireField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, afterKey] = readVarint(buf, pos);
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0) throw new WireError('field number 0');
    pos = afterKey;
    if (wire === WIRE.varint) {
      const [v, next] = readVarint(buf, pos);
      out.push({ field, wire: 0, value: v });
      pos = next;
    } else if (wire === WIRE.bytes) {
      const [len, next] = readVarint(buf, pos);
      const end = next + Number(len);
      if (end > buf.length) throw new WireError(`field ${field}: length ${len} past the end of the message`);
      out.push({ field, wire: 2, value: buf.subarray(next, end) });
      pos = end;
    } else if (wire === WIRE.fixed64 || wire === WIRE.fixed32) {
      const size = wire === WIRE.fixed64 ? 8 : 4;
      if (pos + size > buf.length) throw new WireError(`field ${field}: truncated fixed-width value`);
      out.push({ field, wire, value: buf.subarray(pos, pos + size) });
      pos += size;
    } else {
      throw new WireError(`field ${field}: unsupported wire type ${wire}`);
    }
  }
  return out;
}

/** A varint as a signed 64-bit integer (negative int32/int64 are sign-extended to 10 bytes). */
export const toSigned = (v: bigint): number => Number(BigInt.asIntN(64, v));

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as a UTF-8 string (proto `string` fields must be valid UTF-8). */
export function toText(b: Uint8Array): string {
  try {
    return utf8.decode(b);
  } catch {
    throw new WireError('string field is not valid UTF-8');
  }
}
