/**
 * Runs elkjs off the main thread: receives an ELK graph, answers with node
 * boxes. The bundled ELK runs synchronously inside this worker, so the page
 * stays responsive however long the layout takes.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { positionsFromElk } from '@/lib/topology/layout';
import type { LayoutReply, LayoutRequest } from './layout-protocol';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply): void;
}

const scope = self as unknown as WorkerScope;
const elk = new ELK();

// Assigned after the import on purpose: elk.bundled.js claims `self.onmessage` when it loads
// inside a worker (to act as ELK's own worker); this page's protocol replaces it.
scope.onmessage = (ev) => {
  const { id, graph } = ev.data;
  const started = performance.now();
  elk
    .layout(graph as ElkNode)
    .then((result) => scope.postMessage({ id, positions: positionsFromElk(result), ms: performance.now() - started }))
    .catch((err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }));
};
