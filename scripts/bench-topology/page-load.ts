/**
 * `npx tsx scripts/bench-topology/page-load.ts --size small|medium|large [--data-dir D --reuse] [--no-build] [--runs N]`:
 * the topology page alone, first loads in a fresh browser context, with where the time goes: the HTML (server
 * render, including the engine's model), the page's scripts, the graph chunk (React Flow), the layout workers, and
 * the first laid-out node painted. The same cluster and console as scripts/bench-ui.ts, which reports the headline
 * figure; this one is for finding what to fix. `--path` loads another URL of the page (e.g. `/topology?ns=team-1`),
 * `--profile` prints the main thread's top functions of the last load, `--shot F` saves its screenshot.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { fillMesh, generateMesh, isMeshSize } from '../../lib/local/seed/generate';
import { enableGatewayApi } from '../generate-mesh';
import { freePort, startConsole } from '../bench/ui/console';
import { openPage } from '../bench/ui/pages';
import { FIRST_CONTENT } from '../bench/ui/probes';
import { startBenchCluster } from '../bench/ui/stack';

const root = path.resolve(__dirname, '..', '..');

interface Breakdown {
  htmlMs: number;
  htmlKB: number;
  scriptsDoneMs: number;
  graphChunkMs: number;
  workersMs: number[];
  canvasMs: number;
  firstNodeMs: number;
  longestTaskMs: number;
  /** Scripts requested after the HTML arrived: `name start→end` (ms), to see what the first paint waits for. */
  late: string[];
  longTasks: string[];
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    hitCount?: number;
  }>;
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** The main thread's top functions by self time during one load (`--profile`, last run). */
function printProfile(p: CpuProfile): void {
  const interval = (p.endTime - p.startTime) / 1000 / Math.max(1, p.samples?.length ?? 1);
  const self = new Map<string, number>();
  for (const n of p.nodes) {
    const f = n.callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}:${f.columnNumber}`;
    self.set(k, (self.get(k) ?? 0) + (n.hitCount ?? 0) * interval);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [k, ms] of top) console.log(`  ${Math.round(ms)} ms  ${k}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'small' },
      runs: { type: 'string', default: '3' },
      'data-dir': { type: 'string' },
      reuse: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      path: { type: 'string', multiple: true, default: ['/topology'] },
      profile: { type: 'boolean', default: false },
      shot: { type: 'string' },
    },
  });
  const size = values.size;
  if (!isMeshSize(size)) throw new Error(`--size must be small, medium or large, not ${size}`);
  const dataDir = path.resolve(values['data-dir'] ?? `/tmp/portico-bench-topology-${size}`);
  const marker = path.join(dataDir, `.generated-${size}`);
  const reuse = values.reuse && existsSync(marker);
  const cluster = await startBenchCluster(dataDir, reuse);
  const stops: Array<() => Promise<void>> = [cluster.stop];
  try {
    if (!reuse) {
      await fillMesh(cluster, generateMesh(size), { concurrency: 16 });
      await enableGatewayApi(cluster);
      writeFileSync(marker, new Date().toISOString());
    }
    await cluster.idle();
    const server = await startConsole(root, cluster.kubeconfigPath, await freePort(3370, 3379), values['no-build']);
    stops.unshift(server.stop);
    const session = await server.signIn();
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    stops.unshift(() => browser.close());
    for (const at of values.path) {
      const url = `${server.url}${at}`;
      console.log(at);
      for (let i = 0; i <= Number(values.runs); i++) {
        const page = await openPage(browser, session, FIRST_CONTENT.topology);
        const cdp = values.profile && i === Number(values.runs) ? await page.context().newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
          await cdp.send('Profiler.start');
        }
        await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
        await page.evaluate(() => window.__benchWatch('.react-flow'));
        await page.waitForFunction((sel) => window.__bench.seen[sel] !== undefined, FIRST_CONTENT.topology, {
          timeout: 120_000,
          polling: 50,
        });
        await page.waitForTimeout(500);
        if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
        const b = await page.evaluate((sel): Breakdown => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const scripts = res.filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
          const workers = res.filter((r) => /worker/i.test(r.name) || r.initiatorType === 'other');
          return {
            htmlMs: nav.responseEnd,
            htmlKB: nav.transferSize / 1024,
            scriptsDoneMs: Math.max(0, ...scripts.filter((s) => s.startTime < nav.responseEnd + 50).map((s) => s.responseEnd)),
            graphChunkMs: Math.max(0, ...scripts.filter((s) => s.startTime > nav.responseEnd + 50).map((s) => s.responseEnd)),
            workersMs: workers.map((w) => Math.round(w.responseEnd)),
            canvasMs: window.__bench.seen['.react-flow'] ?? NaN,
            firstNodeMs: window.__bench.seen[sel] ?? NaN,
            longestTaskMs: Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)),
            late: scripts
              .filter((s) => s.startTime > nav.responseEnd + 50)
              .map((s) => `${s.name.split('/').pop() ?? ''} ${Math.round(s.startTime)}→${Math.round(s.responseEnd)}`),
            longTasks: window.__bench.longTasks.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`),
          };
        }, FIRST_CONTENT.topology);
        if (values.shot && i === Number(values.runs)) await page.screenshot({ path: values.shot });
        const status = await page.getByRole('status').filter({ hasText: 'nodes' }).first().textContent();
        console.log(
          `${i === 0 ? 'warm-up' : `run ${i}`}: ${JSON.stringify(b, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))} | ${status}`,
        );
        await page.context().close();
      }
    }
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
