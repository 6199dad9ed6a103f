/**
 * Topology benchmark: a generated cluster of 200 Gateways, 2,000 HTTPRoutes and
 * 1,000 Services; the engine's model built in Node, then laid out in headless
 * Chromium by the page's own pipeline and layout Web Worker (elkjs). Measures
 * layout wall time (target < 2 s) and the longest main-thread task during layout
 * (PerformanceObserver longtask; target: none over 100 ms).
 *
 * Also times the server's share for a cluster this large (lib/topology/scope.ts: the page's view computed in
 * Node and capped by Gateway), which is what the topology page of such a cluster receives.
 *
 * Writes bench-results/topology.json and the "## Topology" section of BENCHMARKS.md (not with --no-write).
 * Run: npx tsx scripts/bench-topology.ts
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { computeStatus } from '../lib/gateway-api/compute-status';
import { buildTopology } from '../lib/gateway-api/topology';
import { ELK_NODE_LIMIT } from '../lib/topology/layout';
import { scopeModel } from '../lib/topology/scope';
import { addUnattached } from '../lib/topology/unattached';
import { addresses, GATEWAYS, generate, ROUTES, SERVICES } from './bench-topology/generate';
import { tasksPerRun } from './bench-topology/trace-tasks';

const root = path.resolve(__dirname, '..');

interface Run {
  mode: string;
  nodes: number;
  edges: number;
  wallMs: number;
  elkMs: number;
  mainThreadPrepMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** From the trace: the longest main-thread task's CPU time, and all main-thread CPU in the run. */
  longestTaskCpuMs?: number;
  mainThreadCpuMs?: number;
}

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** The server's scoping of the whole model for the unfiltered page and for one namespace, median of 5, ms. */
function serverScope(model: ReturnType<typeof addUnattached>): string {
  const time = (o: Parameters<typeof scopeModel>[1]) => {
    const xs: number[] = [];
    let out = scopeModel(model, o);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      out = scopeModel(model, o);
      xs.push(performance.now() - t);
    }
    const ms = xs.sort((a, b) => a - b)[2] as number;
    return `${out.model.nodes.length} nodes sent in ${Math.round(ms)} ms`;
  };
  const ns = model.nodes.find((n) => n.kind === 'route')?.objectKey?.split('/')[0] ?? 'default';
  return `Server scope (above 5,000 nodes the page receives the view computed in Node, capped by whole Gateways): unfiltered ${time({ collapse: false })}; namespace ${ns} ${time({ namespace: ns, collapse: false })}.`;
}

function section(runs: Run[], modelMs: number, nodes: number, scope: string): string {
  const row = (r: Run) =>
    `| ${r.mode} | ${r.nodes} | ${r.edges} | ${Math.round(r.wallMs)} | ${Math.round(r.elkMs)} | ${Math.round(r.mainThreadPrepMs)} | ${Math.round(r.mainThreadCpuMs ?? NaN)} | ${Math.round(r.longestTaskMs)} | ${Math.round(r.longestTaskCpuMs ?? NaN)} |`;
  const cold = runs[0] as Run;
  const whole = runs.filter((r) => r.mode.startsWith('whole cluster'));
  const focusedNodes = runs.find((r) => r.mode.startsWith('one Gateway'))?.nodes ?? 0;
  const pass = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    '## Topology (npm run bench:topology)',
    '',
    `Generated cluster: ${GATEWAYS} Gateways (2 listeners each), ${ROUTES} HTTPRoutes (2 rules, one with 90/10 weighted backends), ${SERVICES} Services; ${nodes} nodes in the engine's model (built in ${Math.round(modelMs)} ms in Node).`,
    `Layout in headless Chromium (/usr/bin/chromium) by the page's own pipeline and elkjs layout Web Worker; ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0]?.toFixed(1)} while measuring, ${new Date().toISOString().slice(0, 10)}.`,
    `Graphs above ${ELK_NODE_LIMIT} nodes use the linear column layout (ELK layered took 1.6-14 s for one 365-node namespace on this machine); smaller ones, such as a focused Gateway, use ELK.`,
    '',
    '| view | nodes | edges | layout wall ms | worker compute ms | main-thread prep wall ms | main-thread CPU ms | longest main-thread task ms (wall) | longest task CPU ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(row),
    '',
    `Targets, on the generated topology (the whole-cluster rows): layout < 2 s: ${pass(whole.every((r) => r.wallMs < 2000))} (cold ${Math.round(cold.wallMs)} ms, slowest ${Math.round(Math.max(...whole.map((r) => r.wallMs)))} ms); no main-thread task > 100 ms during layout: CPU time ${pass(whole.every((r) => (r.longestTaskCpuMs ?? Infinity) <= 100))} (longest ${Math.round(Math.max(...whole.map((r) => r.longestTaskCpuMs ?? NaN)))} ms), wall time ${pass(whole.every((r) => r.longestTaskMs <= 100))} (longest ${Math.round(Math.max(...whole.map((r) => r.longestTaskMs)))} ms at this load).`,
    `The focused view (a ${focusedNodes}-node graph, ELK) is shown for comparison: its worker starts when the page is idle and lays out a warm-up graph; on a loaded machine the first ELK layout can still take seconds, while the page shows the rest.`,
    "Wall time runs from the pipeline start on the main thread (view pipeline, sliced structure key and worker input, cache lookup) to the positions arriving back from the worker, exactly as the page's useLayout runs it.",
    "Task wall times come from the Long Tasks API; CPU times (thread time of each RunTask) from a Chromium trace. On a shared machine a task's wall time includes waiting for a CPU; its CPU time is what the page costs.",
    'Rendering the laid-out nodes with React Flow is not part of this number (the page renders only visible nodes above 300).',
    scope,
    '',
  ].join('\n');
}

function writeSection(text: string): void {
  const file = path.join(root, 'BENCHMARKS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = current.indexOf('## Topology (npm run bench:topology)');
  if (start < 0) {
    writeFileSync(file, `${current.trimEnd()}\n\n${text}`);
    return;
  }
  const rest = current.slice(start + 1);
  const next = rest.search(/\n## /);
  const end = next < 0 ? current.length : start + 1 + next + 1;
  writeFileSync(file, `${current.slice(0, start)}${text.trimEnd()}\n\n${current.slice(end)}`);
}

async function main(): Promise<void> {
  const snapshot = generate();
  const t = performance.now();
  const status = computeStatus(snapshot, {
    controllerNames: ['istio.io/gateway-controller'],
    now: new Date().toISOString(),
    provisionedAddresses: addresses(snapshot),
  });
  const model = addUnattached(buildTopology(snapshot, status), snapshot);
  const modelMs = performance.now() - t;
  const files: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html', body: '<!doctype html><title>topology bench</title><script src="/page.js"></script>' },
    '/page.js': { type: 'text/javascript', body: await bundle('scripts/bench-topology/page.ts') },
    '/columns-worker.js': { type: 'text/javascript', body: await bundle('components/topology/columns.worker.ts') },
    '/elk-worker.js': { type: 'text/javascript', body: await bundle('components/topology/elk.worker.ts') },
    '/model.json': { type: 'application/json', body: JSON.stringify(model) },
  };
  const server = createServer((req, res) => {
    const f = files[req.url ?? '/'];
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f.type }).end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.benchDone !== undefined, undefined, { timeout: 180_000 });
    const done = (await page.evaluate(() => window.benchDone)) as { runs: Run[] } | { error: string };
    const tasks = tasksPerRun(await browser.stopTracing());
    if ('error' in done) throw new Error(done.error);
    done.runs.forEach((r, i) => {
      const t = tasks[i];
      if (!t) return;
      r.longestTaskCpuMs = t.longestCpuMs;
      r.mainThreadCpuMs = t.totalCpuMs;
    });
    const text = section(done.runs, modelMs, model.nodes.length, serverScope(model));
    console.log(text);
    mkdirSync(path.join(root, 'bench-results'), { recursive: true });
    writeFileSync(
      path.join(root, 'bench-results', 'topology.json'),
      JSON.stringify({ modelMs, modelNodes: model.nodes.length, runs: done.runs }, null, 2),
    );
    if (!process.argv.includes('--no-write')) writeSection(text);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
