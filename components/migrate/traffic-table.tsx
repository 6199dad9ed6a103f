'use client';

import type { TrafficComparison } from '@/lib/migrate';
import type { Outcome } from '@/lib/migrate/istio-routing';
import styles from './migrate.module.css';

function describe(o: Outcome): string {
  if (o.kind === 'none') return o.by ? `no backend (${o.by})` : 'no route (404)';
  if (o.kind === 'redirect') return `redirect ${o.redirect?.status ?? ''}`;
  const backends = Object.entries(o.backends ?? {})
    .map(([k, share]) => (share === 1 ? k : `${k} ${Math.round(share * 100)}%`))
    .join(', ');
  return o.by ? `${backends} (${o.by})` : backends;
}

/** The traffic comparison: each sample request under Istio semantics and under the generated routes. */
export function TrafficTable({ comparison }: { comparison: TrafficComparison }) {
  if (comparison.samples.length === 0) {
    return <p className="muted">No sample requests: the input has no VirtualService with a hostname and HTTP routes.</p>;
  }
  return (
    <>
      <p role="status" className={comparison.differences > 0 ? 'inline-warning' : 'muted'}>
        {comparison.differences === 0
          ? `All ${comparison.samples.length} sample requests go to the same place.`
          : `${comparison.differences} of ${comparison.samples.length} sample requests would go somewhere else after the migration.`}
      </p>
      <table className="table" aria-label="Traffic comparison">
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Istio</th>
            <th scope="col">Gateway API</th>
            <th scope="col">Same</th>
          </tr>
        </thead>
        <tbody>
          {comparison.samples.map((s, i) => (
            <tr key={i} className={s.same ? undefined : styles.differs}>
              <td>
                <code>
                  {s.request.method} {s.request.host}
                  {s.request.path}
                </code>
                {Object.entries(s.request.headers).map(([k, v]) => (
                  <div key={k} className="muted">
                    <code>
                      {k}: {v}
                    </code>
                  </div>
                ))}
              </td>
              <td>{describe(s.istio)}</td>
              <td>{describe(s.gatewayApi)}</td>
              <td>{s.same ? 'yes' : <strong>differs</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
