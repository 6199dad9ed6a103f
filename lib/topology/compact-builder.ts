/**
 * A graph sink (lib/gateway-api/topology `GraphSink`) that stores what the
 * engine draws compactly as it arrives: equal edge properties shared, edge
 * ends pointing at the node's own id string, no sorted copy of the whole
 * model. With `drawTopology` a large cluster's model is built into its
 * compact form without ever existing as plain objects.
 */
import type { ComputeStatusOptions } from '@/lib/gateway-api/compute-status';
import { drawTopology, worst, type GraphSink, type TopologyEdge, type TopologyNode } from '@/lib/gateway-api/topology';
import type { Snapshot } from '@/lib/gateway-api/types';
import { assemble, RestInterner, type CompactModel, type EdgeRest } from './compact';
import { unattachedNodes } from './unattached';
import type { ViewNode } from './types';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Collects nodes and edges with GraphBuilder's rules (a node added twice: worst health wins; an edge id: first wins). */
export class CompactBuilder implements GraphSink {
  private readonly nodes = new Map<string, ViewNode>();
  /** Edge id → [source, target, properties]. */
  private readonly edges = new Map<string, [string, string, EdgeRest]>();
  private readonly rests = new RestInterner();

  /** Adds a node, or worsens the health of an existing one (same merge as GraphBuilder). */
  node(n: TopologyNode | ViewNode): void {
    const prev = this.nodes.get(n.id);
    if (!prev) {
      this.nodes.set(n.id, n);
      return;
    }
    const health = worst(prev.health, n.health);
    if (health !== prev.health) this.nodes.set(n.id, { ...prev, health, reason: n.reason ?? prev.reason });
  }

  /** Adds an edge (the first one with a given id wins). */
  edge(e: Omit<TopologyEdge, 'id'> & { id?: string }): void {
    const id = e.id ?? `${e.kind}:${e.source}->${e.target}`;
    if (this.edges.has(id)) return;
    const { id: _id, source, target, ...own } = e;
    // The node's own string when it exists already: one copy of each id, not one per edge end.
    const s = this.nodes.get(source)?.id ?? source;
    const t = this.nodes.get(target)?.id ?? target;
    this.edges.set(id, [s, t, this.rests.intern(own)]);
  }

  /** True when a node exists. */
  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** The compact model, nodes and edges sorted by id (the order buildTopology gives). */
  build(): CompactModel {
    const nodes = [...this.nodes.values()].sort((a, b) => byId(a.id, b.id));
    const ids = [...this.edges.keys()].sort(byId);
    return assemble(nodes, ids.length, (emit) => {
      for (const id of ids) {
        const [s, t, rest] = this.edges.get(id) as [string, string, EdgeRest];
        emit([id, s, t, rest]);
      }
    });
  }
}

/**
 * The console's topology of a snapshot (the engine's model plus detached routes and orphan Services, as
 * `addUnattached(buildTopology(snapshot, computeStatus(snapshot, opts)), snapshot)`), built compact.
 */
export function compactTopology(snapshot: Snapshot, opts: ComputeStatusOptions): CompactModel {
  const b = new CompactBuilder();
  drawTopology(snapshot, opts, b);
  for (const n of unattachedNodes(snapshot, (id) => b.has(id))) b.node(n);
  return b.build();
}
