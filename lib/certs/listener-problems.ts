/**
 * What is wrong with the certificate each HTTPS listener references, derived from facts gathered
 * elsewhere (the Secret's existence, type and summary; whether a ReferenceGrant permits a
 * cross-namespace reference). Pure and key-free: it reads summaries only.
 *
 * Gateway API v1 (GatewayTLSConfig.certificateRefs): a reference to a missing, unsupported or
 * not permitted Secret sets the listener's ResolvedRefs False (InvalidCertificateRef /
 * RefNotPermitted); a cross-namespace reference needs a ReferenceGrant in the Secret's namespace.
 * Expiry, key mismatch and hostname coverage are not in the spec's status, yet break TLS clients.
 */
import { coveringSan } from './coverage';
import type { CertificateSummary } from './types';

/** One listener's reference to a certificate Secret (namespace defaulted to the Gateway's). */
export interface ListenerCertificateRef {
  /** `namespace/name` of the Gateway. */
  gateway: string;
  listener: string;
  /** The listener hostname, when set (a listener without one accepts any SNI and cannot be checked). */
  hostname?: string;
  namespace: string;
  name: string;
}

/** What is known about a referenced Secret: absent, or present with its type and (for TLS Secrets) summary. */
export type SecretFacts = { exists: false } | { exists: true; type: string; summary?: CertificateSummary };

/** Machine-readable kind of a listener certificate problem. */
export type ListenerCertificateProblemCode =
  | 'CertificateMissing'
  | 'NotTLSSecret'
  | 'InvalidCertificate'
  | 'KeyMismatch'
  | 'KeyMissing'
  | 'Expired'
  | 'Expiring'
  | 'NotYetValid'
  | 'HostnameNotCovered'
  | 'RefNotPermitted';

/** One problem of one listener's certificate reference. */
export interface ListenerCertificateProblem {
  severity: 'error' | 'warning';
  code: ListenerCertificateProblemCode;
  ref: ListenerCertificateRef;
  message: string;
}

const secretName = (r: ListenerCertificateRef) => `${r.namespace}/${r.name}`;

/** Problems of the summary itself (one Secret), stated once per referencing listener. */
function summaryProblems(r: ListenerCertificateRef, s: CertificateSummary): ListenerCertificateProblem[] {
  const out: ListenerCertificateProblem[] = [];
  const at = (code: ListenerCertificateProblemCode, message: string, severity: 'error' | 'warning' = 'error') =>
    out.push({ severity, code, ref: r, message: `Secret ${secretName(r)}: ${message}` });
  for (const p of s.problems) {
    if (p.code === 'missing-certificate' || p.code === 'invalid-certificate' || p.code === 'chain-order')
      at('InvalidCertificate', p.message);
    else if (p.code === 'key-mismatch') at('KeyMismatch', p.message);
    else if (p.code === 'key-missing' || p.code === 'key-unreadable') at('KeyMissing', p.message);
    else if (p.code === 'expired') at('Expired', p.message);
    else if (p.code === 'expiring') at('Expiring', p.message, 'warning');
    else if (p.code === 'not-yet-valid') at('NotYetValid', p.message);
  }
  if (r.hostname && s.leaf && coveringSan(s.leaf.sans, r.hostname) === undefined) {
    const sans = s.leaf.sans.join(', ') || 'none';
    at(
      'HostnameNotCovered',
      `no SAN covers the listener hostname ${r.hostname} (SANs: ${sans}); clients will reject the certificate.`,
    );
  }
  return out;
}

/**
 * Every problem of every reference, in the order given. `facts` answers for `namespace/name`
 * of a Secret; `permitted` says whether a cross-namespace reference has its ReferenceGrant.
 */
export function listenerCertificateProblems(
  refs: readonly ListenerCertificateRef[],
  facts: (secret: string) => SecretFacts,
  permitted: (ref: ListenerCertificateRef) => boolean,
): ListenerCertificateProblem[] {
  const out: ListenerCertificateProblem[] = [];
  for (const r of refs) {
    const gwNs = r.gateway.split('/')[0];
    if (gwNs !== r.namespace && !permitted(r)) {
      out.push({
        severity: 'error',
        code: 'RefNotPermitted',
        ref: r,
        message: `Secret ${secretName(r)} is in another namespace and no ReferenceGrant in ${r.namespace} allows Gateways from ${gwNs} to use it.`,
      });
      continue; // the Gateway may not read it: its content is not the listener's problem yet
    }
    const f = facts(secretName(r));
    if (!f.exists) {
      out.push({ severity: 'error', code: 'CertificateMissing', ref: r, message: `Secret ${secretName(r)} does not exist.` });
    } else if (f.type !== 'kubernetes.io/tls') {
      out.push({
        severity: 'error',
        code: 'NotTLSSecret',
        ref: r,
        message: `Secret ${secretName(r)} has type ${f.type || '(none)'}, not kubernetes.io/tls.`,
      });
    } else if (f.summary) {
      out.push(...summaryProblems(r, f.summary));
    }
  }
  return out;
}
