/**
 * `kubernetes.io/tls` Secrets: building one from PEM, and summarizing a stored one for a list.
 */
import 'server-only';
import { DEFAULT_WARN_DAYS } from './expiry';
import { summarizeCertificate } from './summary';
import type { CertificateSummary } from './types';

/** The Secret type Gateway listeners' certificateRefs point at (Kubernetes "TLS secrets"). */
export const TLS_SECRET_TYPE = 'kubernetes.io/tls';

/**
 * The fields of a Secret this library reads; plain JSON or a client-node V1Secret fit it, and
 * functions taking it keep (and return) every other field.
 */
export interface SecretLike {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

/** Input of {@link tlsSecretManifest}. */
export interface TlsSecretParams {
  name: string;
  namespace: string;
  certPem: string;
  /** Unencrypted private key (as `validateTlsUpload` returns in `toStore`). */
  keyPem: string;
  /** Optional CA bundle, stored as `ca.crt`. */
  caPem?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A `kubernetes.io/tls` Secret manifest, ready for server-side apply. */
export interface TlsSecretManifest {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  type: typeof TLS_SECRET_TYPE;
  data: Record<string, string>;
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/**
 * Builds a `kubernetes.io/tls` Secret: `data` holds base64 `tls.crt` and `tls.key` (the keys the
 * TLS Secret type requires), plus `ca.crt` when a CA is given.
 */
export function tlsSecretManifest(p: TlsSecretParams): TlsSecretManifest {
  const data: Record<string, string> = { 'tls.crt': b64(p.certPem), 'tls.key': b64(p.keyPem) };
  if (p.caPem) data['ca.crt'] = b64(p.caPem);
  const metadata: TlsSecretManifest['metadata'] = { name: p.name, namespace: p.namespace };
  if (p.labels && Object.keys(p.labels).length) metadata.labels = { ...p.labels };
  if (p.annotations && Object.keys(p.annotations).length) metadata.annotations = { ...p.annotations };
  return { apiVersion: 'v1', kind: 'Secret', metadata, type: TLS_SECRET_TYPE, data };
}

function decode(value: string | undefined): string | undefined {
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
}

/**
 * Everything a certificate list shows about a stored Secret: the chain, validity, key algorithm
 * and whether the key matches, with problems (not a TLS Secret, missing or mismatched key,
 * expired or expiring within `warnDays`). Holds no key material.
 */
export function summarizeTlsSecret(secret: SecretLike, now: Date, warnDays = DEFAULT_WARN_DAYS): CertificateSummary {
  const data = secret.data ?? {};
  const summary = summarizeCertificate(decode(data['tls.crt']), decode(data['tls.key']), now, warnDays);
  const name = secret.metadata?.name;
  const namespace = secret.metadata?.namespace;
  if (secret.type !== TLS_SECRET_TYPE) {
    summary.problems.unshift({
      code: 'not-tls-secret',
      message: `Secret ${namespace ? `${namespace}/` : ''}${name ?? '(unnamed)'} has type ${secret.type ?? '(none)'}, not ${TLS_SECRET_TYPE}: recreate it as a TLS Secret.`,
    });
  }
  const identity: Pick<CertificateSummary, 'name' | 'namespace' | 'secretType'> = {};
  if (name !== undefined) identity.name = name;
  if (namespace !== undefined) identity.namespace = namespace;
  if (secret.type !== undefined) identity.secretType = secret.type;
  return { ...identity, ...summary };
}
