import type { CrdCheck } from '@/lib/model/overview';
import { StateBadge } from '@/components/ui/state-badge';

/** Step 1: the Gateway API CRDs, their bundle version and served versions. */
export function CrdChecklist({ crds }: { crds: CrdCheck[] }) {
  const missing = crds.filter((c) => !c.present && !c.optional);
  const bundles = [...new Set(crds.filter((c) => c.bundleVersion).map((c) => c.bundleVersion))];
  return (
    <>
      <table className="table" aria-label="Gateway API CRDs">
        <thead>
          <tr>
            <th scope="col">CRD</th>
            <th scope="col">State</th>
            <th scope="col">Bundle version</th>
            <th scope="col">Served versions</th>
          </tr>
        </thead>
        <tbody>
          {crds.map((c) => (
            <tr key={c.resource}>
              <td>
                <code>{c.resource}.gateway.networking.k8s.io</code>
              </td>
              <td>
                {c.present ? (
                  <StateBadge state="ok" label="Present" />
                ) : (
                  <StateBadge
                    state={c.optional ? 'pending' : 'error'}
                    label={c.optional ? 'Not installed (optional)' : 'Missing'}
                  />
                )}
              </td>
              <td>{c.bundleVersion ?? '—'}</td>
              <td>{c.servedVersions.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 ? (
        <p role="alert" className="inline-error">
          {missing.map((c) => c.kind).join(', ')} {missing.length === 1 ? 'is' : 'are'} missing. On ACK, install the Gateway API
          component from the cluster&apos;s Add-ons page; elsewhere, apply the Gateway API standard-channel CRDs.
        </p>
      ) : null}
      {bundles.length > 1 ? (
        <p className="inline-warning">The CRDs come from different bundles ({bundles.join(', ')}): install one bundle version.</p>
      ) : null}
    </>
  );
}
