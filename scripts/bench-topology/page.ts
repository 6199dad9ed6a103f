/**
 * Browser side of the topology benchmark: runs the page's own pipeline
 * (viewOf → structureKey → toElkGraph) on the main thread and the page's own
 * layout worker, and watches for long main-thread tasks meanwhile.
 */
import type { LayoutReply } from '../../components/topology/layout-protocol';
import { positionsOf, type LayoutInput } from '../../lib/topology/layout-input';
import { layoutKey } from './page-support';

interface Run {
  mode: string;
  nodes: number;
  edges: number;
  wallMs: number;
  elkMs: number;
  mainThreadPrepMs: number;
  longestTaskMs: number;
  longTasks: number;
}

declare global {
  interface Window {
    benchDone?: { runs: Run[] } | { error: string };
  }
}

const longTasks: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

async function main(): Promise<void> {
  const model = await (await fetch('/model.json')).json();
  const worker = new Worker('/worker.js');
  let nextId = 1;
  const layout = (input: LayoutInput) =>
    new Promise<{ ms: number; count: number; engine: string }>((resolve, reject) => {
      const id = nextId++;
      worker.onmessage = (ev: MessageEvent<LayoutReply>) => {
        if (ev.data.id !== id) return;
        if ('error' in ev.data) return reject(new Error(ev.data.error));
        // The page turns the flat array into positions by id on the main thread: count that too.
        const count = Object.keys(positionsOf(input.ids, ev.data.flat)).length;
        resolve({ ms: ev.data.ms, count, engine: ev.data.engine });
      };
      worker.postMessage({ id, input }, [input.columns.buffer, input.heights.buffer, input.edges.buffer]);
    });
  const runs: Run[] = [];
  const focused = 'gateway:ns-0/gw-0';
  for (const [mode, collapse, focus] of [
    ['whole cluster (cold worker)', false, undefined],
    ['whole cluster', false, undefined],
    ['whole cluster, rules collapsed', true, undefined],
    ['one Gateway focused', false, focused],
  ] as const) {
    await new Promise((r) => setTimeout(r, 300));
    const before = longTasks.length;
    const t0 = performance.now();
    const { input, nodes, edges } = layoutKey(model, collapse, focus);
    const prep = performance.now() - t0;
    const res = await layout(input);
    // Let the reply's task finish and the observer report it.
    await new Promise((r) => setTimeout(r, 50));
    const t1 = performance.now();
    const during = longTasks.slice(before).filter((t) => t.start >= t0 - 1 && t.start <= t1);
    runs.push({
      mode: `${mode}, ${res.engine === 'elk' ? 'ELK' : 'column layout'}`,
      nodes,
      edges,
      wallMs: t1 - t0 - 50,
      elkMs: res.ms,
      mainThreadPrepMs: prep,
      longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      longTasks: during.length,
    });
    if (res.count !== nodes) throw new Error(`layout placed ${res.count} of ${nodes} nodes`);
  }
  window.benchDone = { runs };
}

main().catch((err: unknown) => {
  window.benchDone = { error: err instanceof Error ? err.message : String(err) };
});
