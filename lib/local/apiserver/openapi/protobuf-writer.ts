/**
 * A minimal protocol buffers (proto3) writer: just the wire types the OpenAPI v2 messages use.
 * Writes into one growing buffer; a nested message reserves room for its length and is moved
 * into place once its size is known, so large documents are not copied per nesting level
 * through intermediate buffers.
 */

const MAX_LENGTH_BYTES = 5; // enough for any length below 2^35

/** Accumulates one message; nested messages are written through {@link ProtoWriter.message}. */
export class ProtoWriter {
  private buf = new Uint8Array(1 << 16);
  private pos = 0;

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  private varint(value: number | bigint): void {
    this.ensure(10);
    if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) {
      let v = value;
      while (v >= 0x80) {
        this.buf[this.pos++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
      this.buf[this.pos++] = v;
      return;
    }
    // Negative int64 values are two's complement, ten bytes long.
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.buf[this.pos++] = Number((v & 0x7fn) | 0x80n);
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
  }

  private tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  /** A length-delimited string field; proto3 omits empty strings. */
  string(field: number, value: string | undefined): this {
    if (value === undefined || value === '') return this;
    const bytes = Buffer.from(value, 'utf8');
    this.tag(field, 2);
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
    return this;
  }

  /** A repeated string field (empty members are kept: they are list entries). */
  strings(field: number, values: readonly string[] | undefined): this {
    for (const value of values ?? []) {
      if (value === '') {
        this.tag(field, 2);
        this.varint(0);
      } else this.string(field, value);
    }
    return this;
  }

  /** A bool field (omitted when false). */
  bool(field: number, value: boolean | undefined): this {
    if (!value) return this;
    this.tag(field, 0);
    this.varint(1);
    return this;
  }

  /** An int64 field (omitted when zero or absent). */
  int64(field: number, value: number | undefined): this {
    if (value === undefined || value === 0) return this;
    this.tag(field, 0);
    this.varint(Math.trunc(value));
    return this;
  }

  /** A double field (omitted when zero or absent). */
  double(field: number, value: number | undefined): this {
    if (value === undefined || value === 0) return this;
    this.tag(field, 1);
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat64(this.pos, value, true);
    this.pos += 8;
    return this;
  }

  /** An embedded message field; written even when empty (presence matters for messages). */
  message(field: number, build: (w: ProtoWriter) => void): this {
    this.tag(field, 2);
    this.ensure(MAX_LENGTH_BYTES);
    const lengthAt = this.pos;
    this.pos += MAX_LENGTH_BYTES;
    build(this);
    const length = this.pos - lengthAt - MAX_LENGTH_BYTES;
    const end = this.pos;
    this.pos = lengthAt;
    this.varint(length);
    const shift = lengthAt + MAX_LENGTH_BYTES - this.pos;
    if (shift > 0) this.buf.copyWithin(this.pos, lengthAt + MAX_LENGTH_BYTES, end);
    this.pos = end - shift;
    return this;
  }

  /** The encoded message. */
  finish(): Buffer {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos);
  }
}
