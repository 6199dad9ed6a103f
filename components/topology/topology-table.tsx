'use client';

import Link from 'next/link';
import { displayName, kindLabel, nodeHref } from '@/lib/topology/links';
import type { TracePath } from '@/lib/topology/trace-path';
import type { ViewModel } from '@/lib/topology/types';

/** Props of {@link TopologyTable}. */
export interface TopologyTableProps {
  view: ViewModel;
  trace?: TracePath;
  onFocus(id: string): void;
}

/** The same nodes and edges as the graph, as two tables for keyboard and screen-reader users. */
export function TopologyTable({ view, trace, onFocus }: TopologyTableProps) {
  const byId = new Map(view.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const n = byId.get(id);
    return n ? `${kindLabel(n)} ${displayName(n)}` : id;
  };
  const onPath = new Set(trace?.nodes ?? []);
  const edgeOnPath = new Set(trace?.edges ?? []);
  return (
    <div className="detail-sections">
      <section>
        <h2 id="topology-nodes">Nodes ({view.nodes.length})</h2>
        <div className="table-scroll">
          <table className="table" aria-labelledby="topology-nodes">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Name</th>
                <th scope="col">Health</th>
                <th scope="col">Reason</th>
                <th scope="col">Details</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {view.nodes.map((n) => {
                const href = nodeHref(n);
                return (
                  <tr key={n.id}>
                    <td>
                      {kindLabel(n)}
                      {n.unattached ? ` (${n.kind === 'route' ? 'detached' : 'orphan'})` : ''}
                    </td>
                    <th scope="row" className="object-name">
                      {href ? <Link href={href}>{displayName(n)}</Link> : displayName(n)}
                      {onPath.has(n.id) ? <span className="badge badge-ok"> on traced path</span> : null}
                    </th>
                    <td>
                      <span className={`badge badge-${n.health}`}>{n.health}</span>
                    </td>
                    <td className="message">{n.reason ?? ''}</td>
                    <td className="message">
                      {[
                        ...Object.entries(n.detail ?? {}).map(([k, v]) => `${k}: ${String(v)}`),
                        ...(n.rules ?? []).map((r) => `rule: ${r}`),
                      ].join('; ')}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() => onFocus(n.id)}
                        aria-label={`Focus on ${name(n.id)}`}
                      >
                        Focus
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2 id="topology-edges">Edges ({view.edges.length})</h2>
        <div className="table-scroll">
          <table className="table" aria-labelledby="topology-edges">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Kind</th>
                <th scope="col">Health</th>
                <th scope="col">Reason</th>
                <th scope="col">Port / weight / grant</th>
              </tr>
            </thead>
            <tbody>
              {view.edges.map((e) => (
                <tr key={e.id}>
                  <td>{name(e.source)}</td>
                  <td>{name(e.target)}</td>
                  <td>
                    {e.kind}
                    {edgeOnPath.has(e.id) ? ' (on traced path)' : ''}
                  </td>
                  <td>
                    <span className={`badge badge-${e.health}`}>{e.health}</span>
                  </td>
                  <td className="message">{e.reason ?? ''}</td>
                  <td>
                    {[
                      e.port ? `port ${e.port}` : '',
                      e.weight !== undefined ? `weight ${e.weight}` : '',
                      e.crossNamespace
                        ? `cross-namespace${e.referenceGrant ? ` via ${e.referenceGrant}` : ' (no ReferenceGrant)'}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
