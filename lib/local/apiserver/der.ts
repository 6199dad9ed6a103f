/**
 * Just enough ASN.1 DER to issue X.509 v3 certificates with node:crypto alone (no polyfills,
 * no extra dependency): the local cluster needs a CA and one serving certificate, nothing more.
 */
import { randomBytes } from 'node:crypto';

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A TLV with the given tag byte. */
export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

/** SEQUENCE */
export const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);
/** SET */
export const set = (...c: Buffer[]): Buffer => tlv(0x31, ...c);
/** OCTET STRING */
export const octets = (b: Buffer): Buffer => tlv(0x04, b);
/** BIT STRING with `unused` trailing bits. */
export const bits = (b: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.from([unused]), b);
/** BOOLEAN */
export const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
/** UTF8String */
export const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
/** Context-specific constructed tag `[n] EXPLICIT`. */
export const explicit = (n: number, ...c: Buffer[]): Buffer => tlv(0xa0 + n, ...c);

/** OBJECT IDENTIFIER from dotted notation. */
export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** A positive INTEGER from raw bytes. */
export function uint(b: Buffer): Buffer {
  const v = (b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
  return tlv(0x02, v);
}

/** A random positive 16-byte serial number. */
export const serial = (): Buffer => {
  const b = randomBytes(16);
  // DER INTEGERs are minimal: a leading 0x00 byte is only allowed before a byte >= 0x80, so a
  // first byte of 0 (1 in 128 draws) made an illegal encoding that OpenSSL rejects. Keep the
  // first byte in 0x40-0x7f: positive, minimal, still 127 random bits.
  b[0] = ((b[0] ?? 0) & 0x3f) | 0x40;
  return uint(b);
};

/** UTCTime (valid through 2049, enough for a ten-year local certificate). */
export function utcTime(d: Date): Buffer {
  const p = (n: number): string => String(n).padStart(2, '0');
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(
    d.getUTCMinutes(),
  )}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'ascii'));
}

/** A Name with a single common name. */
export const cnName = (cn: string): Buffer => seq(set(seq(oid('2.5.4.3'), utf8(cn))));

/** One certificate extension. */
export const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
