/**
 * Runs the layout off the main thread: receives the compact layout input,
 * answers with node boxes. The bundled ELK runs synchronously inside this
 * worker, so the page stays responsive however long the layout takes.
 */
import { runLayout, type ElkLayouter } from '@/lib/topology/layout';
import type { LayoutReply, LayoutRequest } from './layout-protocol';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let elk: Promise<ElkLayouter> | undefined;

/** ELK (1.5 MB) is loaded on first need only: large graphs use the column layout and never wait for it. */
function loadElk(): Promise<ElkLayouter> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => {
    // elk.bundled.js claims `self.onmessage` when it loads inside a worker (to act as ELK's own
    // worker); this page's protocol takes it back.
    scope.onmessage = onMessage;
    return new m.default();
  });
  return elk;
}

const lazyElk: ElkLayouter = { layout: (graph) => loadElk().then((e) => e.layout(graph)) };

function onMessage(ev: MessageEvent<LayoutRequest>): void {
  const { id, input } = ev.data;
  const started = performance.now();
  runLayout(input, lazyElk)
    .then(({ flat, engine }) => scope.postMessage({ id, flat, engine, ms: performance.now() - started }, [flat.buffer]))
    .catch((err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }));
}

scope.onmessage = onMessage;
