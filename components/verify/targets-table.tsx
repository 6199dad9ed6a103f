import type { Target } from '@/lib/actions/verify-types';

const portMapText = (m: Record<number, number>): string =>
  Object.entries(m)
    .map(([a, b]) => `${a}→${b}`)
    .join(', ');

/** The targets discovered for the Gateway, in discovery order, marking the one used. */
export function TargetsTable({ targets, used }: { targets: Target[]; used?: Target }) {
  if (targets.length === 0) {
    return (
      <p className="inline-warning" role="status">
        No address found for this Gateway (no status.addresses, no ingress Service address). Check the Gateway&apos;s Programmed
        condition, or type a gateway address in Target override.
      </p>
    );
  }
  return (
    <table className="table" aria-label="Discovered targets">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Discovery path</th>
          <th scope="col">Address</th>
          <th scope="col">Port mapping</th>
          <th scope="col">Used</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t, i) => (
          <tr key={`${t.kind}-${t.address}`}>
            <td>{i + 1}</td>
            <td>
              {t.source}
              {t.service ? <span className="muted"> ({t.service})</span> : null}
            </td>
            <td>
              <code>{t.address || '—'}</code>
            </td>
            <td>{portMapText(t.portMap) || <span className="muted">none</span>}</td>
            <td>
              {used && used.kind === t.kind && used.address === t.address ? <span className="badge badge-ok">used</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
