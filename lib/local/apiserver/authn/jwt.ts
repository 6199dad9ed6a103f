/**
 * The service-account token signing key and RS256 JSON Web Tokens (RFC 7519, RFC 7515), as
 * kube-apiserver signs them with `--service-account-signing-key-file`. The key is generated once
 * per data dir and kept there, so tokens survive a restart; `kid` is the base64url SHA-256 of the
 * public key's DER, the key ID kube-apiserver derives.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A signing key pair and its key ID. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
}

/** Reads `<dataDir>/sa.key`, generating an RSA-2048 key on first start. */
export function loadOrCreateSigningKey(dataDir: string): SigningKey {
  const file = path.join(dataDir, 'sa.key');
  let pem: string;
  if (existsSync(file)) pem = readFileSync(file, 'utf8');
  else {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, pem, { mode: 0o600 });
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey, kid: createHash('sha256').update(der).digest('base64url') };
}

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Signs `claims` as a compact RS256 JWT. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const input = `${b64({ alg: 'RS256', kid: key.kid })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** The decoded claims of a token whose signature checks, or a reason it does not. */
export type JwtResult = { claims: Record<string, unknown> } | { error: string };

/** True when a bearer token has the shape of a JWT (three base64url parts). */
export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/** Verifies an RS256 signature by `key` and decodes the claims (times are checked by the caller). */
export function verifyJwt(key: SigningKey, token: string): JwtResult {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return { error: 'not a compact JWS' };
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: unknown; kid?: unknown };
    if (header.alg !== 'RS256') return { error: `unexpected signing algorithm ${String(header.alg)}` };
    if (header.kid !== undefined && header.kid !== key.kid) return { error: 'unknown key id' };
    if (!verify('sha256', Buffer.from(`${h}.${p}`), key.publicKey, Buffer.from(s, 'base64url'))) {
      return { error: 'invalid signature' };
    }
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return { error: 'claims are not an object' };
    return { claims: claims as Record<string, unknown> };
  } catch {
    return { error: 'malformed token' };
  }
}
