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

/** Last layout per structure, and the last known box of every node. */
export class LayoutCache {
  private readonly byStructure = new Map<string, Positions>();
  private lastKnown: Positions = {};
  private readonly limit: number;

  /** `limit`: how many structures to remember (filters and focus switch between a few). */
  constructor(limit = 8) {
    this.limit = limit;
  }

  /** The positions laid out for exactly this structure, if any. */
  get(model: ViewModel): Positions | undefined {
    return this.byStructure.get(structureKey(model));
  }

  /** Stores a finished layout. */
  set(model: ViewModel, positions: Positions): void {
    const key = structureKey(model);
    this.byStructure.delete(key);
    this.byStructure.set(key, positions);
    while (this.byStructure.size > this.limit) {
      const oldest = this.byStructure.keys().next().value;
      if (oldest === undefined) break;
      this.byStructure.delete(oldest);
    }
    this.lastKnown = { ...this.lastKnown, ...positions };
  }

  /**
   * Best positions while a new layout is pending: the exact layout when the
   * structure is known, otherwise every node's last known box (new nodes
   * are absent and wait for the layout).
   */
  provisional(model: ViewModel): Positions {
    const exact = this.get(model);
    if (exact) return exact;
    const out: Positions = {};
    for (const n of model.nodes) {
      const p = this.lastKnown[n.id];
      if (p) out[n.id] = p;
    }
    return out;
  }
}
