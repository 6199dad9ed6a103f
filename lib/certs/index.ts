/**
 * The certificate library of the Certificates page: parsing, checks and generation of the TLS
 * credentials HTTPS listeners reference through `certificateRefs`. Server-only: it reads private
 * keys. Its results are plain serializable data holding no key material, except
 * `validateTlsUpload(...).toStore` and the generators' PEMs, which are for writing the Secret.
 */
import 'server-only';

export { classifyExpiry, daysLeft, DEFAULT_WARN_DAYS } from './expiry';
export { coverageReport, coveringSan, hostnameCoverage } from './coverage';
export { parseCertificateChain } from './parse';
export { checkKeyPair, type KeyPairCheck } from './key-pair';
export {
  generateCaAndLeaf,
  generateSelfSigned,
  TEST_ORGANIZATION,
  type GenerateOptions,
  type GeneratedKeyType,
} from './generate';
export {
  DEFAULT_MAX_UPLOAD_BYTES,
  validateTlsUpload,
  type TlsUploadInput,
  type TlsUploadResult,
  type UploadError,
} from './upload';
export { summarizeCertificate } from './summary';
export {
  listenerCertificateProblems,
  type ListenerCertificateProblem,
  type ListenerCertificateProblemCode,
  type ListenerCertificateRef,
  type SecretFacts,
} from './listener-problems';
export {
  summarizeTlsSecret,
  TLS_SECRET_TYPE,
  tlsSecretManifest,
  type SecretLike,
  type TlsSecretManifest,
  type TlsSecretParams,
} from './secret';
export { LAST_APPLIED, PUBLIC_SECRET_KEYS, redactSecret, redactedValue } from './redact';
export type * from './types';
