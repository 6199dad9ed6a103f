'use client';

import type { GrantNeed } from '@/lib/authoring/grant-needs';
import { grantFormHref } from '@/lib/authoring/grant-needs';

/**
 * Cross-namespace backends that no ReferenceGrant permits yet: the route would be accepted but the
 * reference not resolved (RefNotPermitted). Each offers the grant's form, prefilled.
 */
export function GrantHint({ needs }: { needs: readonly GrantNeed[] }) {
  if (needs.length === 0) return null;
  return (
    <div className="inline-warning" role="status" aria-label="Missing ReferenceGrants">
      {needs.map((n) => (
        <p key={`${n.toNamespace}/${n.toName}`}>
          Service {n.toNamespace}/{n.toName} is in another namespace: no ReferenceGrant in {n.toNamespace} allows {n.fromKind}s
          from {n.fromNamespace} to use it, so the backend will not be resolved (RefNotPermitted).{' '}
          <a
            href={grantFormHref(n)}
            className="button-quiet"
            aria-label={`Create ReferenceGrant for ${n.toNamespace}/${n.toName}`}
          >
            Create ReferenceGrant
          </a>
        </p>
      ))}
    </div>
  );
}
