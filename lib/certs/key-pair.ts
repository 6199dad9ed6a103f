/**
 * Reading private keys and checking they belong to a certificate. Error messages never quote
 * the key: they describe it by label and algorithm only.
 */
import 'server-only';
import { createPrivateKey, type KeyObject, type X509Certificate } from 'node:crypto';
import { describeKey } from './names';
import { readCertificates } from './parse';
import { isPrivateKeyLabel, splitPem, wrongBlockMessage, type PemBlock } from './pem';
import type { KeyInfo } from './types';

/** A private key read from PEM. `key` is a live KeyObject: keep it on the server. */
export type LoadedKey = { ok: true; key: KeyObject; encrypted: boolean } | { ok: false; error: string };

/** Result of {@link checkKeyPair}. */
export type KeyPairCheck = { ok: true; keyType: string; key: KeyInfo } | { ok: false; field: 'cert' | 'key'; error: string };

function blockText(block: PemBlock): string {
  const headers = Object.entries(block.headers).map(([k, v]) => `${k}: ${v}\n`);
  const body =
    block.der
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  const sep = headers.length ? '\n' : '';
  return `-----BEGIN ${block.label}-----\n${headers.join('')}${sep}${body}\n-----END ${block.label}-----\n`;
}

/**
 * Reads the one private key of a PEM text (PKCS#8, PKCS#1 RSA, SEC 1 EC, encrypted PKCS#8 or
 * legacy `Proc-Type: 4,ENCRYPTED`). `EC PARAMETERS` blocks written by `openssl ecparam` are skipped.
 */
export function loadPrivateKey(keyPem: string, passphrase?: string): LoadedKey {
  const split = splitPem(keyPem, 'key');
  if (!split.ok) return { ok: false, error: split.error };
  const keys = split.blocks.filter((b) => isPrivateKeyLabel(b.label));
  if (keys.length === 0) {
    const other = split.blocks.find((b) => b.label !== 'EC PARAMETERS');
    return {
      ok: false,
      error: other
        ? wrongBlockMessage(other.label, 'key', other.position)
        : 'No private key found: expected -----BEGIN PRIVATE KEY-----.',
    };
  }
  if (keys.length > 1) {
    return { ok: false, error: `The private key field holds ${keys.length} private keys; keep only the certificate's own.` };
  }
  const block = keys[0] as PemBlock;
  const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/.test(block.headers['Proc-Type'] ?? '');
  if (encrypted && !passphrase) {
    return {
      ok: false,
      error:
        'The private key is encrypted: enter its passphrase. (Kubernetes TLS Secrets hold unencrypted keys, so it is decrypted before saving.)',
    };
  }
  try {
    const key = createPrivateKey({ key: blockText(block), format: 'pem', passphrase: encrypted ? passphrase : undefined });
    return { ok: true, key, encrypted };
  } catch {
    return {
      ok: false,
      error: encrypted
        ? 'The passphrase does not decrypt the private key: check it and try again.'
        : `The private key (${block.label}) could not be read: it is damaged or in an unsupported format.`,
    };
  }
}

/** Whether `key` is the private half of `cert`'s public key (OpenSSL X509_check_private_key). */
export function keyMatches(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false;
  }
}

/** The sentence shown when a key belongs to another certificate. */
export function mismatchMessage(cert: X509Certificate, key: KeyObject): string {
  const certKey = describeKey(cert.publicKey).label;
  const privKey = describeKey(key).label;
  const kinds = certKey === privKey ? '' : ` (the key is ${privKey}, the certificate's is ${certKey})`;
  return `The private key does not match the certificate's public key${kinds}: it belongs to another certificate.`;
}

/**
 * Checks that `keyPem` is the private key of the leaf (first) certificate of `certPem`.
 * Supports RSA, ECDSA and Ed25519 keys; an encrypted key needs `passphrase`.
 */
export function checkKeyPair(certPem: string, keyPem: string, passphrase?: string): KeyPairCheck {
  const certs = readCertificates(certPem);
  if (!certs.ok) return { ok: false, field: 'cert', error: certs.error };
  const loaded = loadPrivateKey(keyPem, passphrase);
  if (!loaded.ok) return { ok: false, field: 'key', error: loaded.error };
  const leaf = certs.certs[0] as X509Certificate;
  if (!keyMatches(leaf, loaded.key)) return { ok: false, field: 'key', error: mismatchMessage(leaf, loaded.key) };
  const key = describeKey(loaded.key);
  return { ok: true, keyType: key.label, key };
}
