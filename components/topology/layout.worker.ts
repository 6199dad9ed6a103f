/**
 * Runs the layout off the main thread: receives the compact layout input,
 * answers with node boxes. The bundled ELK runs synchronously inside this
 * worker, so the page stays responsive however long the layout takes.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { runLayout } from '@/lib/topology/layout';
import type { LayoutReply, LayoutRequest } from './layout-protocol';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
// Loaded eagerly: a lazy import() of ELK inside the worker left later messages unanswered in the
// production build (ELK claims `self.onmessage` when it evaluates).
const elk = new ELK();

// Assigned after the import on purpose: elk.bundled.js claims `self.onmessage` when it loads
// inside a worker (to act as ELK's own worker); this page's protocol replaces it.
scope.onmessage = (ev) => {
  const { id, input } = ev.data;
  const started = performance.now();
  runLayout(input, elk)
    .then(({ flat, engine }) => scope.postMessage({ id, flat, engine, ms: performance.now() - started }, [flat.buffer]))
    .catch((err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }));
};
