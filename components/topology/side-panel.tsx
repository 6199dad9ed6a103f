'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { displayName, kindLabel, nodeHref } from '@/lib/topology/links';
import { pickRequest, type PickedRequest } from '@/lib/topology/pick-request';
import type { TracePath } from '@/lib/topology/trace-path';
import type { TraceResponse, ViewModel } from '@/lib/topology/types';
import styles from './topology.module.css';

/** Props of {@link SidePanel}. */
export interface SidePanelProps {
  view: ViewModel;
  selected?: string;
  focus?: string;
  trace?: { path: TracePath; response: TraceResponse } | { error: string } | { loading: true };
  onFocus(id: string | undefined): void;
  onSelect(id: string | undefined): void;
  /** Fills the trace box with a request the selected listener, route or rule accepts. */
  onPick?(q: PickedRequest): void;
  /** Shown under the trace result (the one-click send for real). */
  traceActions?: ReactNode;
}

function TraceResult({ trace }: { trace: NonNullable<SidePanelProps['trace']> }) {
  if ('loading' in trace) return <p className="muted">Tracing…</p>;
  if ('error' in trace)
    return (
      <p className="inline-error" role="alert">
        {trace.error}
      </p>
    );
  const { path, response } = trace;
  const d = response.decision;
  return (
    <>
      <p className={styles.verdict}>
        {d.outcome === 'forward' && !path.stop ? (
          <span className="badge badge-ok">forwarded</span>
        ) : (
          <span className="badge badge-error">{d.status ?? d.outcome}</span>
        )}{' '}
        <code>
          {response.request.method} {response.request.scheme}://{response.request.host}:{response.request.port}
          {response.request.path}
        </code>
      </p>
      <ol className={styles.hops} aria-label="Traced path">
        {path.hops.map((h, i) => (
          <li key={i} className={h.kind === 'stop' ? styles.hopStop : undefined}>
            {h.text}
          </li>
        ))}
      </ol>
      {d.alternatives.length > 1 ? (
        <>
          <h3>Weighted backends</h3>
          <ul className={styles.plain} aria-label="Weighted backends">
            {d.alternatives.map((a) => (
              <li key={`${a.namespace}/${a.service}:${a.port ?? ''}`}>
                {a.namespace}/{a.service}
                {a.port ? `:${a.port}` : ''} — {Math.round(a.probability * 100)}%
                {a.valid ? '' : ` (invalid: ${a.problem ?? 'unresolved'})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {response.noMatch && response.noMatch.closest.length > 0 ? (
        <>
          <h3>Closest candidates</h3>
          <ul className={styles.plain} aria-label="Closest candidates">
            {response.noMatch.closest.map((c, i) => (
              <li key={i}>
                <strong>{c.candidate}</strong> ({c.satisfied}/{c.total} conditions met)
                {c.differences.length > 0 ? (
                  <ul>
                    {c.differences.map((x, j) => (
                      <li key={j}>{x}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <details>
        <summary>Engine explanation ({d.explanation.length} steps)</summary>
        <ol className={styles.explain}>
          {d.explanation.map((s, i) => (
            <li key={i}>
              <span className={s.chosen ? 'badge badge-ok' : 'badge badge-pending'}>{s.step}</span> {s.candidate}: {s.reason}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}

/** Details of the selected node (health, reason, edges in and out) and the traced request's path. */
export function SidePanel({ view, selected, focus, trace, onFocus, onSelect, onPick, traceActions }: SidePanelProps) {
  const node = selected ? view.nodes.find((n) => n.id === selected) : undefined;
  const pick = node && onPick ? pickRequest(view, node.id) : undefined;
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const n = byId.get(id);
    return n ? `${kindLabel(n)} ${displayName(n)}` : id;
  };
  const href = node ? nodeHref(node) : undefined;
  return (
    <aside className={styles.panel} aria-label="Details">
      {trace ? (
        <section aria-label="Trace result">
          <h2>Trace</h2>
          <TraceResult trace={trace} />
          {traceActions}
        </section>
      ) : null}
      {node ? (
        <section aria-label="Selected node">
          <h2>
            {kindLabel(node)} <span className="object-name">{displayName(node)}</span>
          </h2>
          <p>
            <span className={`badge badge-${node.health}`}>{node.health}</span>
            {node.unattached ? (
              <span className="badge badge-pending">{node.kind === 'route' ? 'detached' : 'orphan'}</span>
            ) : null}
          </p>
          {node.reason ? (
            <p className={node.health === 'error' ? 'inline-error' : node.health === 'warning' ? 'inline-warning' : 'muted'}>
              {node.reason}
            </p>
          ) : null}
          {node.detail || node.rules ? (
            <dl className="fields">
              {Object.entries(node.detail ?? {}).map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{k}</dt>
                  <dd>{String(v)}</dd>
                </div>
              ))}
              {node.rules ? (
                <>
                  <dt>rules</dt>
                  <dd>{node.rules.join('; ')}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {pick && onPick ? (
            <p>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Fill the trace box with ${pick.method} ${pick.url}`}
                onClick={() => onPick(pick)}
              >
                Trace <code>{pick.method}</code> <code>{pick.url}</code>
              </button>
            </p>
          ) : null}
          <div className={styles.panelActions}>
            {focus === node.id ? (
              <button type="button" className="button-quiet" onClick={() => onFocus(undefined)}>
                Clear focus
              </button>
            ) : (
              <button type="button" className="button-quiet" onClick={() => onFocus(node.id)}>
                Focus on this
              </button>
            )}
            {href ? (
              <Link className="button-quiet" href={href}>
                Open details
              </Link>
            ) : null}
            <button type="button" className="button-quiet" onClick={() => onSelect(undefined)}>
              Close
            </button>
          </div>
          <h3>Connections</h3>
          <ul className={styles.plain} aria-label="Connections">
            {view.edges
              .filter((e) => e.source === node.id || e.target === node.id)
              .map((e) => (
                <li key={e.id}>
                  <span className={`badge badge-${e.health}`}>{e.kind}</span>{' '}
                  {e.source === node.id ? `→ ${name(e.target)}` : `← ${name(e.source)}`}
                  {e.port ? ` :${e.port}` : ''}
                  {e.weight !== undefined ? ` weight ${e.weight}` : ''}
                  {e.referenceGrant ? ` via ReferenceGrant ${e.referenceGrant}` : ''}
                  {e.reason ? <div className={e.health === 'error' ? 'inline-error' : 'muted'}>{e.reason}</div> : null}
                </li>
              ))}
          </ul>
        </section>
      ) : trace ? null : (
        <p className="muted">
          Select a node to see its health, why, and where its traffic goes. Trace a request to highlight its path.
        </p>
      )}
    </aside>
  );
}
