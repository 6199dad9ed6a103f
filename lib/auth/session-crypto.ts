/**
 * Sealing of session cookies: AES-256-GCM (authenticated encryption, so a cookie is both secret and
 * tamper-evident) with a key derived by HKDF-SHA256 from the configured secret. Any replica holding
 * the same secret opens any other replica's cookies, so sessions need no shared store.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Format version, the first byte of every sealed value: a new format never misreads an old cookie. */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the key to this use: the same secret used elsewhere yields an unrelated key. */
const INFO = 'portico session cookie v1';

/** A 32-byte AES key derived from `secret` (any length; at least 32 random bytes recommended). */
export function deriveSessionKey(secret: string | Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
}

/** Encrypts and authenticates `payload` (JSON-serializable) into a cookie-safe base64url string. */
export function seal(payload: unknown, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from([VERSION]));
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]).toString('base64url');
}

/**
 * Opens a value made by {@link seal} with the same key. Undefined for anything else: a forged,
 * truncated or altered value, another key's cookie, or a value of another format version.
 */
export function unseal(value: string, key: Buffer): unknown {
  if (!/^[A-Za-z0-9_-]{1,8192}$/.test(value)) return undefined;
  const raw = Buffer.from(value, 'base64url');
  if (raw.length < 1 + IV_BYTES + TAG_BYTES + 1 || raw[0] !== VERSION) return undefined;
  const iv = raw.subarray(1, 1 + IV_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  const body = raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from([VERSION]));
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
