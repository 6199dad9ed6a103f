'use client';

import { useState } from 'react';
import type { DocumentResult, ManifestsOutcome } from '@/lib/authoring/types';
import { LazyYamlDiff } from '@/components/yaml-editor/lazy';
import styles from './authoring.module.css';

const badge: Record<DocumentResult['outcome'], string> = {
  created: 'badge badge-ok',
  configured: 'badge badge-ok',
  unchanged: 'badge badge-pending',
  failed: 'badge badge-error',
};

function title(d: DocumentResult): string {
  const who = d.name ? `${d.namespace ? `${d.namespace}/` : ''}${d.name}` : `document ${d.index + 1}`;
  return `${d.kind ?? 'Object'} ${who}`;
}

/** The detail page of an applied object, for the kinds the console shows. */
function detailHref(d: DocumentResult): string | undefined {
  if (!d.name || !d.namespace) return undefined;
  const base =
    d.kind === 'Gateway'
      ? '/gateways'
      : d.kind === 'HTTPRoute'
        ? '/routes/http'
        : d.kind === 'GRPCRoute'
          ? '/routes/grpc'
          : d.kind === 'ReferenceGrant'
            ? '/reference-grants'
            : undefined;
  return base ? `${base}/${d.namespace}/${d.name}` : undefined;
}

/**
 * Per-document results, like `kubectl apply` prints them ("HTTPRoute default/http configured"),
 * each with its problems on their lines and, for a dry run, the live-vs-result diff.
 */
export function DocumentResults({ outcome }: { outcome: ManifestsOutcome }) {
  const [open, setOpen] = useState<number | undefined>(outcome.documents.find((d) => d.outcome !== 'failed')?.index);
  const verb = outcome.dryRun ? 'Dry run' : 'Apply';
  return (
    <section aria-label={`${verb} results`} className={styles.results}>
      <h2>{verb} results</h2>
      {outcome.documents.length === 0 ? <p className="muted">The editor holds no document.</p> : null}
      <ul className={styles.docList}>
        {outcome.documents.map((d) => (
          <li
            key={d.index}
            aria-label={`${title(d)}: ${d.outcome}${outcome.dryRun && d.outcome !== 'failed' ? ' (dry run)' : ''}`}
          >
            <div className={styles.docHead}>
              <span className={badge[d.outcome]}>{d.outcome}</span>
              <strong>{title(d)}</strong>
              <span className="muted">line {d.line}</span>
              {!outcome.dryRun && d.outcome !== 'failed' && detailHref(d) ? <a href={detailHref(d)}>Open {d.kind}</a> : null}
              {d.afterYaml ? (
                <button
                  type="button"
                  className="button-quiet"
                  aria-expanded={open === d.index}
                  onClick={() => setOpen(open === d.index ? undefined : d.index)}
                >
                  {open === d.index ? 'Hide diff' : 'Show diff'}
                </button>
              ) : null}
            </div>
            {d.problems.length > 0 ? (
              <ul className={styles.problems}>
                {d.problems.map((p, i) => (
                  <li key={i} className="inline-error">
                    {p.line !== undefined ? <span className={styles.line}>Line {p.line}: </span> : null}
                    {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {open === d.index && d.afterYaml ? (
              <LazyYamlDiff
                original={d.beforeYaml ?? ''}
                modified={d.afterYaml}
                label={`Diff of ${title(d)}: live (left) and result (right)`}
                height="30vh"
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
