/**
 * One layout worker per page, created lazily, with request ids so a slow
 * layout that is no longer wanted never overwrites a newer one.
 */
import { positionsOf, type LayoutInput } from '@/lib/topology/layout-input';
import type { Positions } from '@/lib/topology/types';
import type { LayoutReply } from './layout-protocol';

/** A finished layout. */
export interface LayoutResult {
  positions: Positions;
  ms: number;
  engine: 'elk' | 'columns';
}

/** Lays out graphs in a Web Worker; `dispose` ends the worker. */
export class LayoutClient {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { ids: string[]; resolve: (p: LayoutResult) => void; reject: (e: Error) => void }>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    // The literal `new Worker(new URL(...), import.meta.url)` form lets the bundler emit the worker as its own chunk.
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<LayoutReply>) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      this.pending.delete(ev.data.id);
      if ('error' in ev.data) p.reject(new Error(ev.data.error));
      else p.resolve({ positions: positionsOf(p.ids, ev.data.flat), ms: ev.data.ms, engine: ev.data.engine });
    };
    w.onerror = (ev) => {
      for (const p of this.pending.values()) p.reject(new Error(`The layout worker failed: ${ev.message || 'unknown error'}`));
      this.pending.clear();
    };
    this.worker = w;
    return w;
  }

  /** Lays out one graph; its typed arrays are transferred to the worker (unusable here afterwards). */
  layout(input: LayoutInput): Promise<LayoutResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { ids: input.ids, resolve, reject });
      this.ensure().postMessage({ id, input }, [input.columns.buffer, input.heights.buffer, input.edges.buffer]);
    });
  }

  /** Ends the worker; pending layouts are abandoned. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.pending.clear();
  }
}
