/**
 * The page's two layout workers, with request ids so a slow layout that is
 * no longer wanted never overwrites a newer one. The light column-layout
 * worker starts with the client (pre-warmed: it loads in milliseconds); the
 * ELK worker starts on the first small graph, or when the page is idle.
 */
import { ELK_NODE_LIMIT } from '@/lib/topology/layout';
import { positionsOf, type LayoutInput } from '@/lib/topology/layout-input';
import type { Positions } from '@/lib/topology/types';
import type { LayoutEngine, LayoutReply } from './layout-protocol';

/** A finished layout. */
export interface LayoutResult {
  positions: Positions;
  ms: number;
  engine: LayoutEngine;
}

/** Creates the worker of an engine (the benchmark passes its own bundles). */
export type WorkerFactory = (engine: LayoutEngine) => Worker;

/** The bundler's worker chunks: the literal `new Worker(new URL(...), import.meta.url)` form makes each its own chunk. */
const bundledWorkers: WorkerFactory = (engine) =>
  engine === 'elk'
    ? new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./columns.worker.ts', import.meta.url), { type: 'module' });

/** The engine for a graph of `nodes` nodes: ELK reads better, but only the column layout stays fast when large. */
export function engineFor(nodes: number): LayoutEngine {
  return nodes > ELK_NODE_LIMIT ? 'columns' : 'elk';
}

/** A six-node chain over every column: enough to run each phase of ELK layered once. */
function warmUpInput(): LayoutInput {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  return {
    ids,
    columns: Uint8Array.from([0, 1, 2, 3, 4, 5]),
    heights: Uint16Array.from(ids.map(() => 58)),
    edges: Uint32Array.from([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 3, 5]),
  };
}

interface Pending {
  engine: LayoutEngine;
  ids: string[];
  resolve: (p: LayoutResult) => void;
  reject: (e: Error) => void;
}

/** Lays out graphs in Web Workers; `dispose` ends them. */
export class LayoutClient {
  private readonly workers = new Map<LayoutEngine, Worker>();
  private readonly pending = new Map<number, Pending>();
  /** Request ids start at 1; 0 is the warm-up, whose reply nobody waits for. */
  private next = 1;

  /** Starts the column-layout worker now, so the first large layout finds it running. */
  constructor(private readonly factory: WorkerFactory = bundledWorkers) {
    this.warm('columns');
  }

  /** Starts an engine's worker ahead of need (e.g. ELK when the page is idle). */
  warm(engine: LayoutEngine): void {
    if (this.workers.has(engine)) return;
    const w = this.factory(engine);
    w.onmessage = (ev: MessageEvent<LayoutReply>) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      this.pending.delete(ev.data.id);
      if ('error' in ev.data) p.reject(new Error(ev.data.error));
      else p.resolve({ positions: positionsOf(p.ids, ev.data.flat), ms: ev.data.ms, engine: ev.data.engine });
    };
    w.onerror = (ev) => {
      for (const [id, p] of this.pending) {
        if (p.engine !== engine) continue;
        this.pending.delete(id);
        p.reject(new Error(`The ${engine} layout worker failed: ${ev.message || 'unknown error'}`));
      }
    };
    this.workers.set(engine, w);
    // ELK's first layout is several times slower than later ones (class set-up, JIT): a tiny
    // graph laid out now makes the first real one fast. Its reply has no pending entry and is dropped.
    if (engine === 'elk') {
      const input = warmUpInput();
      w.postMessage({ id: 0, input }, [input.columns.buffer, input.heights.buffer, input.edges.buffer]);
    }
  }

  /** Lays out one graph; its typed arrays are transferred to the worker (unusable here afterwards). */
  layout(input: LayoutInput): Promise<LayoutResult> {
    const id = this.next++;
    const engine = engineFor(input.ids.length);
    this.warm(engine);
    const worker = this.workers.get(engine) as Worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { engine, ids: input.ids, resolve, reject });
      worker.postMessage({ id, input }, [input.columns.buffer, input.heights.buffer, input.edges.buffer]);
    });
  }

  /** Ends the workers; pending layouts are abandoned. */
  dispose(): void {
    for (const w of this.workers.values()) w.terminate();
    this.workers.clear();
    this.pending.clear();
  }
}
