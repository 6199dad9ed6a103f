import type { CertificateInfo } from '@/lib/certs/types';
import type { ReplacementPreview } from '@/lib/actions/preview-tls-replacement';
import type { ListenerUse } from '@/lib/model/certificates';

const day = (iso: string) => iso.slice(0, 10);

/**
 * The current certificate next to its replacement: validity, SANs, issuer, and for each listener
 * that references the Secret whether its hostname is covered before and after.
 */
export function CertificateComparison({
  current,
  next,
  usedBy,
}: {
  current: CertificateInfo | null;
  next: ReplacementPreview;
  usedBy: ListenerUse[];
}) {
  const rows: Array<[string, string, string]> = [
    ['Subject CN', current?.subjectCN ?? '—', next.subjectCN ?? '—'],
    ['SANs', current?.sans.join(', ') || '—', next.sans.join(', ') || '—'],
    ['Issuer', current ? (current.selfSigned ? 'itself (self-signed)' : (current.issuerCN ?? current.issuer)) : '—', next.issuer],
    ['Valid from', current ? day(current.notBefore) : '—', `${day(next.notBefore)}${next.planned ? ' (when saved)' : ''}`],
    [
      'Valid until',
      current ? `${day(current.notAfter)} (${current.daysLeft} days)` : '—',
      `${day(next.notAfter)} (${next.daysLeft} days)`,
    ],
  ];
  const covered = new Map(next.coverage.map((c) => [c.hostname.toLowerCase(), c]));
  return (
    <table className="table" aria-label="Current and new certificate">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Field</span>
          </th>
          <th scope="col">Current</th>
          <th scope="col">New</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, a, b]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{a}</td>
            <td>{b}</td>
          </tr>
        ))}
        {usedBy.map((u) => {
          const after = u.hostname ? covered.get(u.hostname.toLowerCase()) : undefined;
          return (
            <tr key={`${u.gateway}:${u.listener}`}>
              <th scope="row">
                Listener {u.gateway} · {u.listener} ({u.hostname ?? 'any host'})
              </th>
              <td>{u.hostname ? (u.covered ? 'covered' : 'NOT covered') : 'any SNI'}</td>
              <td>{u.hostname ? (after?.covered ? `covered by ${after.by}` : 'NOT covered') : 'any SNI'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
