/**
 * Browser side of the topology benchmark: runs the page's own pipeline
 * (viewOf → sliced prepareLayout → LayoutCache → LayoutClient and its
 * workers) and watches for long main-thread tasks meanwhile.
 */
import { LayoutClient } from '../../components/topology/layout-client';
import { LayoutCache } from '../../lib/topology/layout-cache';
import type { ViewModel } from '../../lib/topology/types';
import { healthUpdate, pageLayout } from './page-support';

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

const ENGINE = { elk: 'ELK', columns: 'column layout', cache: 'cached layout (no worker)' } as Record<string, string>;

async function main(): Promise<void> {
  const model = (await (await fetch('/model.json')).json()) as ViewModel;
  await new Promise((r) => setTimeout(r, 300));
  const runs: Run[] = [];
  const cache = new LayoutCache();
  // As the page: the client (and its column worker) is created at mount, right before the first layout.
  let client: LayoutClient | undefined;
  const focused = 'gateway:ns-0/gw-0';
  for (const [mode, collapse, focus, live] of [
    ['whole cluster (cold worker)', false, undefined, false],
    ['whole cluster, live health update', false, undefined, true],
    ['whole cluster, rules collapsed', true, undefined, false],
    ['one Gateway focused', false, focused, false],
  ] as const) {
    const before = longTasks.length;
    // Marks for the trace, where the benchmark reads each task's CPU time (tdur) inside this window.
    performance.mark(`run-start-${runs.length}`);
    const t0 = performance.now();
    if (!client) {
      const c = new LayoutClient((engine) => new Worker(engine === 'elk' ? '/elk-worker.js' : '/columns-worker.js'));
      client = c;
      // The page warms ELK when the browser is idle after mounting.
      requestIdleCallback(() => c.warm('elk'), { timeout: 5_000 });
    }
    const res = await pageLayout(live ? healthUpdate(model) : model, collapse, focus, client, cache);
    const t1 = performance.now();
    // Let the reply's task finish and the observer report it.
    await new Promise((r) => setTimeout(r, 50));
    performance.mark(`run-end-${runs.length}`);
    const during = longTasks.slice(before).filter((t) => t.start >= t0 - 1 && t.start <= t1 + 50);
    runs.push({
      mode: `${mode}, ${ENGINE[res.engine] ?? res.engine}`,
      nodes: res.nodes,
      edges: res.edges,
      wallMs: t1 - t0,
      elkMs: res.ms,
      mainThreadPrepMs: res.prepMs,
      longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      longTasks: during.length,
    });
    if (res.count !== res.nodes) throw new Error(`layout placed ${res.count} of ${res.nodes} nodes`);
    await new Promise((r) => setTimeout(r, 300));
  }
  window.benchDone = { runs };
}

main().catch((err: unknown) => {
  window.benchDone = { error: err instanceof Error ? err.message : String(err) };
});
