/**
 * Everything checked on an uploaded certificate and key before a TLS Secret is written.
 */
import 'server-only';
import type { X509Certificate } from 'node:crypto';
import { coverageReport } from './coverage';
import { keyMatches, loadPrivateKey, mismatchMessage } from './key-pair';
import { checkChainOrder, describeCertificate, readCertificates } from './parse';
import { toPem } from './pem';
import { summarizeCertificate } from './summary';
import type { CertificateSummary, HostnameCoverage } from './types';

/** Default size limit of each uploaded field: a real chain is a few kilobytes. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024;

/** Input of {@link validateTlsUpload}. */
export interface TlsUploadInput {
  certPem: string;
  keyPem: string;
  /** Needed when the key is encrypted; it is decrypted before storing. */
  passphrase?: string;
  /** Hostnames of the listeners that will reference the Secret, for the coverage report. */
  listenerHostnames?: string[];
  /** Size limit per field in bytes; default 1 MiB. */
  maxBytes?: number;
  /** Instant for the expiry summary; default now. */
  now?: Date;
}

/** One reason an upload is refused, attached to the form field at fault. */
export interface UploadError {
  field: 'cert' | 'key';
  message: string;
}

/**
 * Result of {@link validateTlsUpload}. `toStore` holds the private key: write it to the Secret
 * on the server and never return it to the browser; `summary` and `coverage` are safe to return.
 */
export type TlsUploadResult =
  | {
      ok: true;
      summary: CertificateSummary;
      coverage: HostnameCoverage[];
      toStore: { certPem: string; keyPem: string };
    }
  | { ok: false; errors: UploadError[] };

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function sizeError(field: 'cert' | 'key', text: string, max: number): UploadError | null {
  const size = Buffer.byteLength(text, 'utf8');
  if (size <= max) return null;
  const noun = field === 'cert' ? 'certificate' : 'private key';
  return {
    field,
    message: `The ${noun} is ${formatBytes(size)}; the limit is ${formatBytes(max)}. A PEM ${noun} is a few kilobytes: check that this is the right file.`,
  };
}

/**
 * Validates a certificate chain and private key for a `kubernetes.io/tls` Secret: size, PEM
 * form, chain order (leaf first), key not encrypted (or decrypted with `passphrase`), key matching
 * the leaf. Expiry and hostname coverage are reported, not refused, so a user may still save a
 * certificate for a hostname no listener uses yet.
 *
 * `toStore` is normalized: certificates re-encoded leaf first without surrounding text, the key as
 * unencrypted PKCS#8 (Kubernetes TLS Secrets hold unencrypted keys; Envoy reads PKCS#8).
 */
export function validateTlsUpload(input: TlsUploadInput): TlsUploadResult {
  const max = input.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const now = input.now ?? new Date();
  const sizes = [sizeError('cert', input.certPem, max), sizeError('key', input.keyPem, max)].filter(
    (e): e is UploadError => e !== null,
  );
  // Nothing oversized is parsed: the limit also bounds the work done on hostile input.
  if (sizes.length) return { ok: false, errors: sizes };

  const errors: UploadError[] = [];
  const read = readCertificates(input.certPem);
  if (!read.ok) errors.push({ field: 'cert', message: read.error });
  else {
    const infos = read.certs.map((c) => describeCertificate(c, now));
    for (const message of checkChainOrder(read.certs, infos).problems) errors.push({ field: 'cert', message });
  }
  const loaded = loadPrivateKey(input.keyPem, input.passphrase);
  if (!loaded.ok) errors.push({ field: 'key', message: loaded.error });
  if (read.ok && loaded.ok) {
    const leaf = read.certs[0] as X509Certificate;
    if (!keyMatches(leaf, loaded.key)) errors.push({ field: 'key', message: mismatchMessage(leaf, loaded.key) });
  }
  if (errors.length || !read.ok || !loaded.ok) return { ok: false, errors };

  const toStore = {
    certPem: read.certs.map((c) => toPem(c.raw, 'CERTIFICATE')).join(''),
    keyPem: loaded.key.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const summary = summarizeCertificate(toStore.certPem, toStore.keyPem, now);
  const coverage = coverageReport(summary.leaf?.sans ?? [], input.listenerHostnames ?? []);
  return { ok: true, summary, coverage, toStore };
}
