import type { CertificateSummary } from '@/lib/actions/verify-types';
import styles from './verify.module.css';

/** The certificate the listener presented: who it names, who issued it, when, and whether it covers the host. */
export function CertificateView({ cert, host }: { cert: CertificateSummary; host: string }) {
  return (
    <section aria-label="TLS certificate">
      <h3>TLS certificate presented</h3>
      <dl className="fields">
        <dt>Subject</dt>
        <dd>{cert.subject}</dd>
        <dt>SANs</dt>
        <dd>{cert.sans.join(', ') || '—'}</dd>
        <dt>Issuer</dt>
        <dd>{cert.issuer}</dd>
        <dt>Validity</dt>
        <dd>
          {cert.validFrom} – {cert.validTo}
        </dd>
        <dt>Covers {host}</dt>
        <dd>
          {cert.coversHost ? (
            <span className="badge badge-ok">yes</span>
          ) : (
            <span className="badge badge-error">no: clients checking names will refuse it</span>
          )}
        </dd>
        <dt>Trusted</dt>
        <dd>
          {cert.trusted
            ? 'yes'
            : `no${cert.trustError ? ` (${cert.trustError})` : ''}: like curl -k, verification was not enforced`}
        </dd>
        <dt>Protocol</dt>
        <dd>
          {cert.protocol ?? '—'}
          {cert.alpn ? `, ALPN ${cert.alpn}` : ''}
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code className={styles.wrap}>{cert.fingerprint256}</code>
        </dd>
      </dl>
    </section>
  );
}
