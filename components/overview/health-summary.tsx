import Link from 'next/link';
import type { HealthCounts, Overview } from '@/lib/model/overview';
import { StateBadge } from '@/components/ui/state-badge';

const rows: Array<{ key: keyof Overview['health']; label: string }> = [
  { key: 'gateways', label: 'Gateways' },
  { key: 'listeners', label: 'Listeners' },
  { key: 'routes', label: 'Routes' },
];

/** Step 4: counts by state and every problem the controllers reported, each naming its object. */
export function HealthSummary({ health, problems, problemsTotal }: Pick<Overview, 'health' | 'problems' | 'problemsTotal'>) {
  return (
    <>
      <table className="table" aria-label="Health by state">
        <thead>
          <tr>
            <th scope="col">Objects</th>
            <th scope="col">Healthy</th>
            <th scope="col">Warning</th>
            <th scope="col">Error</th>
            <th scope="col">No status yet</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <CountRow key={r.key} label={r.label} counts={health[r.key]} />
          ))}
        </tbody>
      </table>
      <h3>Problems</h3>
      {problems.length === 0 ? (
        <p className="muted">No problem reported.</p>
      ) : (
        <ul className="problems" aria-label="Problems">
          {problems.map((p, i) => (
            <li key={`${p.kind}/${p.namespace}/${p.name}/${p.condition}/${i}`}>
              <StateBadge state={p.severity} label={p.severity === 'error' ? 'Error' : 'Warning'} /> {p.kind}{' '}
              <strong>
                {p.namespace ? `${p.namespace}/` : ''}
                {p.name}
              </strong>{' '}
              <code>{p.condition}</code> {p.message}
              {p.links?.map((l) => (
                <span key={l.href}>
                  {' · '}
                  <Link href={l.href}>{l.label}</Link>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {problemsTotal > problems.length ? (
        <p className="muted" role="note">
          Showing the first {problems.length} of {problemsTotal} problems, errors first. The lists show every object by state:{' '}
          <Link href="/routes?state=error">HTTPRoutes with errors</Link>,{' '}
          <Link href="/routes?tab=grpc&state=error">GRPCRoutes with errors</Link>,{' '}
          <Link href="/gateways?state=error">Gateways with errors</Link>,{' '}
          <Link href="/routes?state=warning">HTTPRoutes with warnings</Link>.
        </p>
      ) : null}
    </>
  );
}

function CountRow({ label, counts }: { label: string; counts: HealthCounts }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{counts.ok}</td>
      <td>{counts.warning}</td>
      <td>{counts.error}</td>
      <td>{counts.pending}</td>
    </tr>
  );
}
