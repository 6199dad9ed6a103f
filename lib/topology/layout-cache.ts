/**
 * Keeps positions stable across live updates. A watch batch that only
 * changes health, reasons or weights leaves the structure (node ids, edges,
 * node sizes) as it was; then the cached positions are reused and nothing
 * moves. Only a structural change asks for a new layout.
 */
import { nodeHeight } from './node-size';
import type { Positions, ViewModel } from './types';

/**
 * The graph's structure as one string: node ids with their heights, then
 * edge ends. Compared whole (no hashing, so no collisions); building it is a
 * single join, cheap even for thousands of nodes.
 */
export function structureKey(model: ViewModel): string {
  const parts = new Array<string>(model.nodes.length + model.edges.length);
  let k = 0;
  for (const n of model.nodes) parts[k++] = `${n.id} ${nodeHeight(n)}`;
  for (const e of model.edges) parts[k++] = `${e.source}>${e.target}`;
  return parts.join('\n');
}

/** Last layouts by structure (the newest `limit`); the last known box of a node comes from them. */
export class LayoutCache {
  private readonly byStructure = new Map<string, Positions>();
  private readonly limit: number;

  /** `limit`: how many structures to remember (filters and focus switch between a few). */
  constructor(limit = 8) {
    this.limit = limit;
  }

  /** The positions laid out for exactly this structure, if any. */
  get(model: ViewModel): Positions | undefined {
    return this.getByKey(structureKey(model));
  }

  /** The same by a structure key computed before (see prepare.ts, which builds it in slices). */
  getByKey(key: string): Positions | undefined {
    return this.byStructure.get(key);
  }

  /** Stores a finished layout. */
  set(model: ViewModel, positions: Positions): void {
    this.setByKey(structureKey(model), positions);
  }

  /** The same by a structure key computed before. */
  setByKey(key: string, positions: Positions): void {
    this.byStructure.delete(key);
    this.byStructure.set(key, positions);
    while (this.byStructure.size > this.limit) {
      const oldest = this.byStructure.keys().next().value;
      if (oldest === undefined) break;
      this.byStructure.delete(oldest);
    }
  }

  /**
   * Best positions while a new layout is pending: the exact layout when the
   * structure is known, otherwise every node's last known box (new nodes
   * are absent and wait for the layout).
   */
  provisional(model: ViewModel): Positions {
    return this.get(model) ?? this.lastKnownOf(model).positions;
  }

  /**
   * Every node's last known box, without computing the structure key (cheap
   * enough to run on each render), and whether every node of the view has one.
   */
  lastKnownOf(model: ViewModel): { positions: Positions; complete: boolean } {
    // Newest layout first. Looked up per node rather than merged into one record on every layout:
    // merging thousands of boxes cost the main thread ~20 ms per layout of a large graph.
    const layouts = [...this.byStructure.values()].reverse();
    let complete = true;
    const out: Positions = {};
    for (const n of model.nodes) {
      let p: Positions[string] | undefined;
      for (const l of layouts) if ((p = l[n.id])) break;
      if (p) out[n.id] = p;
      else complete = false;
    }
    return { positions: out, complete };
  }
}
