/** A small accumulator that keeps node and edge ids unique and outputs them sorted. */
import type { Health, TopologyEdge, TopologyModel, TopologyNode } from './model';
import { worst } from './model';

/** What the node builders draw into: {@link GraphBuilder}, or a caller's own store with the same rules. */
export interface GraphSink {
  /** Adds a node, or worsens the health of an existing one. */
  node(n: TopologyNode): void;
  /** Adds an edge (the first one with a given id wins). */
  edge(e: Omit<TopologyEdge, 'id'> & { id?: string }): void;
  /** True when a node exists. */
  has(id: string): boolean;
}

/** Collects nodes and edges; adding a node twice merges health (worst wins). */
export class GraphBuilder implements GraphSink {
  private nodes = new Map<string, TopologyNode>();
  private edges = new Map<string, TopologyEdge>();

  /** Adds a node, or worsens the health of an existing one. */
  node(n: TopologyNode): void {
    const prev = this.nodes.get(n.id);
    if (!prev) {
      this.nodes.set(n.id, n);
      return;
    }
    const health: Health = worst(prev.health, n.health);
    if (health !== prev.health) this.nodes.set(n.id, { ...prev, health, reason: n.reason ?? prev.reason });
  }

  /** Adds an edge (the first one with a given id wins). */
  edge(e: Omit<TopologyEdge, 'id'> & { id?: string }): void {
    const id = e.id ?? `${e.kind}:${e.source}->${e.target}`;
    if (!this.edges.has(id)) this.edges.set(id, { ...e, id });
  }

  /** True when a node exists. */
  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** The graph, sorted by id for stable output. */
  build(): TopologyModel {
    const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return { nodes: [...this.nodes.values()].sort(byId), edges: [...this.edges.values()].sort(byId) };
  }
}
