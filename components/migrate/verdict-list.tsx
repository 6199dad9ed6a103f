'use client';

import type { Verdict } from '@/lib/migrate';

/** The engine's verdict on each generated Gateway and route. */
export function VerdictList({ verdicts }: { verdicts: readonly Verdict[] }) {
  if (verdicts.length === 0) return <p className="muted">Nothing generated yet.</p>;
  return (
    <ul aria-label="Engine verdict" className="fields">
      {verdicts.map((v) => (
        <li key={`${v.kind}/${v.namespace}/${v.name}`}>
          <span className={`badge ${v.ok ? 'badge-ok' : 'badge-error'}`}>{v.ok ? 'ok' : 'problem'}</span>{' '}
          <strong>
            {v.kind} {v.namespace}/{v.name}
          </strong>
          : {v.summary}
        </li>
      ))}
    </ul>
  );
}
