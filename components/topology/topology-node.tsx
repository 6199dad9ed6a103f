'use client';

import type { Node, NodeProps } from '@xyflow/react';
import { displayName, kindLabel } from '@/lib/topology/links';
import { nodeHeight, NODE_WIDTH, ruleLines } from '@/lib/topology/node-size';
import type { ViewNode } from '@/lib/topology/types';
import styles from './topology.module.css';

/** How a node relates to the traced request. */
export type TraceRole = 'path' | 'alternative' | 'near-miss' | 'stop' | undefined;

/** Data React Flow hands to {@link TopologyNodeView}. */
export type TopologyFlowNode = Node<{ node: ViewNode; trace: TraceRole; selected: boolean; dimmed: boolean }, 'topology'>;

function detailLine(n: ViewNode): string {
  const d = n.detail ?? {};
  switch (n.kind) {
    case 'listener':
      return `${String(d.attachedRoutes ?? 0)} attached route${d.attachedRoutes === 1 ? '' : 's'}`;
    case 'route':
      return `hosts ${String(d.hostnames ?? '*')}`;
    case 'service':
      return d.endpoints !== undefined
        ? `${String(d.endpoints)} ready endpoint${d.endpoints === 1 ? '' : 's'}`
        : `ports ${String(d.ports ?? '')}`;
    case 'gateway':
      return `class ${String(d.class ?? '')}`;
    default:
      return n.reason && n.health !== 'ok' ? n.reason : '';
  }
}

/** One node: kind, name, a detail line, health stripe; the reason on hover (title). */
export function TopologyNodeView({ data }: NodeProps<TopologyFlowNode>) {
  const n = data.node;
  const cls = [
    styles.node,
    styles[`health-${n.health}`],
    n.unattached ? styles.unattached : '',
    data.trace ? styles[`trace-${data.trace}`] : '',
    data.selected ? styles.selected : '',
    data.dimmed ? styles.dimmed : '',
  ].join(' ');
  return (
    <div
      className={cls}
      style={{ width: NODE_WIDTH, height: nodeHeight(n) }}
      title={n.reason ?? `${kindLabel(n)} ${displayName(n)}: ${n.health}`}
    >
      <div className={styles.kind}>
        {kindLabel(n)}
        {n.unattached ? <span className={styles.flag}>{n.kind === 'route' ? 'detached' : 'orphan'}</span> : null}
        {n.health !== 'ok' ? <span className={styles[`flag-${n.health}`]}>{n.health}</span> : null}
      </div>
      <div className={styles.name}>{displayName(n)}</div>
      <div className={styles.detail}>{detailLine(n)}</div>
      {ruleLines(n).map((r, i) => (
        <div key={i} className={styles.ruleLine}>
          {r}
        </div>
      ))}
    </div>
  );
}
