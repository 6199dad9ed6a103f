import type { VerificationResult } from '@/lib/actions/verify-types';
import { BodyView } from './body-view';
import { CertificateView } from './certificate-view';
import styles from './verify.module.css';

const PHASES = [
  ['dns', 'DNS'],
  ['connect', 'Connect'],
  ['tls', 'TLS'],
  ['firstByte', 'First byte'],
  ['total', 'Total'],
] as const;

/** What came back: status line, timings, certificate, headers and body. */
export function ResponseView({ result, host }: { result: VerificationResult; host: string }) {
  return (
    <section aria-label="Response" className={styles.response}>
      {result.error ? (
        <p className="inline-error" role="alert">
          No response from {result.target.address || 'the target'}
          {result.target.address ? `:${result.target.port}` : ''}: {result.error}
        </p>
      ) : (
        <p className={styles.statusLine} aria-label="Status line">
          <code>
            HTTP/{result.httpVersion ?? '1.1'} {result.status} {result.statusText ?? ''}
          </code>
        </p>
      )}
      <table className="table" aria-label="Timings">
        <thead>
          <tr>
            {PHASES.map(([, label]) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {PHASES.map(([k]) => (
              <td key={k}>{result.timings[k].toFixed(2)} ms</td>
            ))}
          </tr>
        </tbody>
      </table>
      {result.redirects.length > 0 ? (
        <p>Redirects followed: {result.redirects.map((r) => `${r.status} → ${r.location}`).join(', ')}</p>
      ) : null}
      {result.tls ? <CertificateView cert={result.tls} host={host} /> : null}
      {result.error ? null : (
        <>
          <h3>Headers</h3>
          <table className="table" aria-label="Response headers">
            <tbody>
              {Object.entries(result.headers).map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{Array.isArray(v) ? v.join('\n') : v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Body</h3>
          <BodyView {...(result.body ? { body: result.body } : {})} />
        </>
      )}
    </section>
  );
}
