import { formatAge } from '@/lib/model/age';
import type { ConditionComparison, ConditionView } from '@/lib/model/details';

/**
 * Every condition with type, status, reason, message, observed generation and age; the cluster's
 * controller beside Portico's own analysis, with disagreements and stale status flagged.
 */
export function ConditionsTable({ rows, generation }: { rows: ConditionComparison[]; generation?: number }) {
  if (rows.length === 0) return <p className="muted">No condition written and none computed.</p>;
  const disagreements = rows.filter((r) => !r.agree).length;
  return (
    <>
      {disagreements > 0 ? (
        <p role="status" className="inline-warning">
          Portico&apos;s analysis differs from the cluster&apos;s status on {disagreements} condition
          {disagreements === 1 ? '' : 's'} (marked ≠). The controller may not have caught up, or it reads the spec differently.
        </p>
      ) : null}
      <table className="table" aria-label="Conditions">
        <thead>
          <tr>
            <th scope="col">Scope</th>
            <th scope="col">Type</th>
            <th scope="col">Cluster status</th>
            <th scope="col">Message</th>
            <th scope="col">Generation</th>
            <th scope="col">Since</th>
            <th scope="col">Portico&apos;s analysis</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.scope}/${r.type}`} className={r.agree ? undefined : 'row-disagree'}>
              <td>{r.scope}</td>
              <td>{r.type}</td>
              <td>{r.cluster ? <StatusText c={r.cluster} type={r.type} /> : <span className="muted">not written</span>}</td>
              <td className="message">{r.cluster?.message ?? ''}</td>
              <td>
                {r.cluster?.observedGeneration ?? '—'}
                {generation !== undefined ? ` / ${generation}` : ''}
                {r.stale ? <span className="badge badge-warning">stale</span> : null}
              </td>
              <td suppressHydrationWarning>{formatAge(r.cluster?.lastTransitionTime)}</td>
              <td>
                {r.portico ? (
                  <>
                    {r.agree ? null : <span aria-label="differs">≠ </span>}
                    <StatusText c={r.portico} type={r.type} />
                    {r.agree ? null : <div className="message muted">{r.portico.message}</div>}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Conditions where True is the problem (spec: "negative polarity"), so colour follows meaning. */
const negativePolarity = new Set(['Conflicted']);

function StatusText({ c, type }: { c: ConditionView; type: string }) {
  const good = negativePolarity.has(type) ? 'False' : 'True';
  const bad = good === 'True' ? 'False' : 'True';
  const cls = c.status === good ? 'badge-ok' : c.status === bad ? 'badge-error' : 'badge-warning';
  return (
    <span>
      <span className={`badge ${cls}`}>{c.status}</span> {c.reason}
    </span>
  );
}
