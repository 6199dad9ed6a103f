/** The worker side of the layout protocol, shared by both layout workers. */
import type { LayoutInput } from '@/lib/topology/layout-input';
import type { LayoutEngine, LayoutReply, LayoutRequest } from './layout-protocol';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply, transfer?: Transferable[]): void;
}

/** Answers every layout request with `[x, y, width, height]` per node (transferred), or the error. */
export function serveLayouts(engine: LayoutEngine, compute: (input: LayoutInput) => Float64Array | Promise<Float64Array>): void {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = (ev) => {
    const { id, input } = ev.data;
    const started = performance.now();
    Promise.resolve()
      .then(() => compute(input))
      .then((flat) => scope.postMessage({ id, flat, engine, ms: performance.now() - started }, [flat.buffer]))
      .catch((err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }));
  };
}
