/**
 * Keeps positions stable across live updates. A watch batch that only
 * changes health, reasons or weights leaves the structure (node ids, edges,
 * node sizes) as it was; then the cached positions are reused and nothing
 * moves. Only a structural change asks for a new layout.
 */
import { nodeHeight } from './node-size';
import type { Positions, ViewModel } from './types';

/** A short, order-sensitive fingerprint of the graph's structure (FNV-1a over ids, edges and heights). */
export function structureKey(model: ViewModel): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const n of model.nodes) mix(`${n.id}:${nodeHeight(n)};`);
  for (const e of model.edges) mix(`${e.source}>${e.target};`);
  return `${model.nodes.length}.${model.edges.length}.${h.toString(36)}`;
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
