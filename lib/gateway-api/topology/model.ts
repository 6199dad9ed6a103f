/**
 * The topology model: what a client reaches and where it ends up, as nodes
 * and edges that carry their own health, ready to filter and lay out.
 */

/** Health of a node or edge: ok, degraded (warning) or broken (error). */
export type Health = 'ok' | 'warning' | 'error';

/** Node kinds, from the client's entry point to the backend. */
export type TopologyNodeKind = 'entry' | 'gateway' | 'listener' | 'route' | 'rule' | 'service' | 'missing';

/** One node. `id` is stable across recomputes (derived from object keys). */
export interface TopologyNode {
  id: string;
  kind: TopologyNodeKind;
  label: string;
  health: Health;
  /** Why the health is not ok (or a short status summary). */
  reason?: string;
  /** Object key (`namespace/name`) when the node stands for an object. */
  objectKey?: string;
  /** Entry: `http://47.95.0.10:80`; listener: protocol/port/hostname; service: ports and endpoints. */
  detail?: Record<string, string | number | boolean>;
}

/** Edge kinds. `rejected` edges show attachments that failed, with the reason. */
export type TopologyEdgeKind = 'entry' | 'contains' | 'attachment' | 'rejected' | 'rule' | 'backend';

/** One edge, from source towards the backend. */
export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  kind: TopologyEdgeKind;
  health: Health;
  reason?: string;
  /** Backend edges: the Service port and weight. */
  port?: number;
  weight?: number;
  /** Cross-namespace reference; `referenceGrant` names the grant that allows it. */
  crossNamespace?: boolean;
  referenceGrant?: string;
  /** Attachment edges: effective hostnames (empty = any). */
  hostnames?: string[];
}

/** The whole graph; nodes and edges sorted by id. */
export interface TopologyModel {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/** The worse of two healths. */
export function worst(a: Health, b: Health): Health {
  const rank: Record<Health, number> = { ok: 0, warning: 1, error: 2 };
  return rank[a] >= rank[b] ? a : b;
}
