'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { useFocusedTopology } from '@/lib/queries/use-topology';
import { displayName, kindLabel, nodeHref } from '@/lib/topology/links';
import type { TopologyData } from '@/lib/topology/types';
import { writeViewState } from '@/lib/topology/view-state';
import { useLayout } from './use-layout';
import styles from './focused-topology.module.css';

// React Flow is loaded only when a detail page shows this section, in the browser.
const GraphCanvas = dynamic(() => import('./graph-canvas').then((m) => m.GraphCanvas), {
  ssr: false,
  loading: () => <p className="loading">Loading the graph…</p>,
});

/** Props of {@link FocusedTopology}. */
export interface FocusedTopologyProps {
  /** The focused paths as the server computed them for the first paint. */
  initial: TopologyData;
  /** Node id of the object the page shows. */
  focus: string;
  /** Rules folded into routes (a Gateway's many routes read better that way). */
  collapse: boolean;
}

/**
 * A detail page's embedded graph: the object's node and its upstream and downstream paths, live,
 * with a link to the full topology page focused on the same node.
 */
export function FocusedTopology({ initial, focus, collapse }: FocusedTopologyProps) {
  const query = useFocusedTopology(initial, focus, collapse);
  const view = query.data.model;
  const layout = useLayout(view);
  const [selected, setSelected] = useState<string>();
  const full = `/topology?${writeViewState({ focus, collapse, tab: 'graph' }).toString()}`;
  const problems = view.nodes.filter((n) => n.health !== 'ok').length;
  const picked = view.nodes.find((n) => n.id === selected);
  const pickedHref = picked ? nodeHref(picked) : undefined;
  return (
    <div className={styles.wrap}>
      <p className={styles.bar} role="status">
        <span>
          {view.nodes.length} nodes, {view.edges.length} edges
          {problems > 0 ? `, ${problems} with problems` : ''}
          {layout.pending ? ' · laying out…' : ''}
          {query.isFetching ? ' · refreshing…' : ''}
        </span>
        <Link href={full}>Open in topology</Link>
      </p>
      {query.error ? (
        <p className="inline-error" role="alert">
          {query.error.message}
        </p>
      ) : null}
      {layout.error ? (
        <p className="inline-error" role="alert">
          The paths could not be laid out: {layout.error}. Open them in the topology page, whose Table tab lists them.
        </p>
      ) : null}
      <div className={styles.canvas} aria-label="Traffic paths graph" role="region">
        {view.nodes.length === 0 ? (
          <p className="muted">
            No traffic paths yet: nothing attaches here. Check the conditions above, or open the topology page.
          </p>
        ) : (
          <GraphCanvas
            view={view}
            positions={layout.positions}
            final={!layout.pending}
            {...(selected ? { selected } : {})}
            onSelect={setSelected}
            onViewport={() => undefined}
          />
        )}
      </div>
      {picked ? (
        <p className={styles.bar}>
          <span>
            {kindLabel(picked)} <strong>{displayName(picked)}</strong>
            {picked.reason ? ` · ${picked.reason}` : ''}
          </span>
          <span className={styles.links}>
            {pickedHref ? <Link href={pickedHref}>Open {kindLabel(picked)}</Link> : null}
            <Link href={`/topology?${writeViewState({ focus: picked.id, collapse, tab: 'graph' }).toString()}`}>
              Focus in topology
            </Link>
          </span>
        </p>
      ) : null}
    </div>
  );
}
