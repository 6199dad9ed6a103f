import type { CertificateRow } from '@/lib/model/certificates';
import { StateBadge } from '@/components/ui/state-badge';
import { DeleteCertificateButton } from './delete-certificate-button';
import { ReplaceCertificateButton } from './replace-certificate-button';

/** The TLS credentials: what each certificate says, how long it lasts, and which listeners use it. */
export function CertificateTable({ rows, context }: { rows: CertificateRow[]; context: string }) {
  return (
    <div className="table-scroll">
      <table className="table" aria-label="TLS certificates">
        <thead>
          <tr>
            <th scope="col">Secret</th>
            <th scope="col">Subject CN</th>
            <th scope="col">SANs</th>
            <th scope="col">Issuer</th>
            <th scope="col">Key</th>
            <th scope="col">Expires</th>
            <th scope="col">Used by listeners</th>
            <th scope="col">Problems</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const leaf = r.summary.leaf;
            const problems = [
              ...r.summary.problems.map((p) => p.message),
              ...r.usedBy
                .filter((u) => !u.covered)
                .map((u) => `does not cover ${u.hostname} of listener ${u.gateway}:${u.listener}`),
              ...r.usedBy
                .filter((u) => !u.permitted)
                .map((u) => `used by ${u.gateway}:${u.listener} from another namespace without a ReferenceGrant`),
            ];
            const state =
              r.summary.problems.some((p) => p.code !== 'expiring') || problems.length > r.summary.problems.length
                ? 'error'
                : problems.length
                  ? 'warning'
                  : 'ok';
            return (
              <tr key={`${r.namespace}/${r.name}`}>
                <th scope="row">
                  {r.namespace}/{r.name}
                </th>
                <td>{leaf?.subjectCN ?? '—'}</td>
                <td>{leaf?.sans.join(', ') || '—'}</td>
                <td>
                  {leaf ? (
                    leaf.selfSigned ? (
                      <span className="badge badge-warning">self-signed</span>
                    ) : (
                      (leaf.issuerCN ?? leaf.issuer)
                    )
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {leaf?.key.label ?? '—'}
                  {r.summary.keyBytes ? <div className="muted">tls.key: redacted ({r.summary.keyBytes} bytes)</div> : null}
                </td>
                <td>
                  {leaf ? (
                    <>
                      {leaf.notAfter.slice(0, 10)}{' '}
                      <span className={leaf.expiry === 'valid' ? 'muted' : 'inline-warning'}>({leaf.daysLeft} days)</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {r.usedBy.length ? (
                    r.usedBy.map((u) => (
                      <div
                        key={`${u.gateway}:${u.listener}`}
                      >{`${u.gateway} · ${u.listener}${u.hostname ? ` (${u.hostname})` : ''}`}</div>
                    ))
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
                <td>
                  <StateBadge state={state} label={state === 'ok' ? 'OK' : state === 'warning' ? 'Warning' : 'Error'} />
                  {problems.map((p) => (
                    <div key={p} className="message">
                      {p}
                    </div>
                  ))}
                </td>
                <td>
                  <ReplaceCertificateButton
                    context={context}
                    namespace={r.namespace}
                    name={r.name}
                    resourceVersion={r.resourceVersion}
                    current={leaf}
                    usedBy={r.usedBy}
                  />
                  <DeleteCertificateButton
                    context={context}
                    namespace={r.namespace}
                    name={r.name}
                    resourceVersion={r.resourceVersion}
                    usedBy={r.usedBy.map((u) => `${u.gateway} listener ${u.listener}`)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
