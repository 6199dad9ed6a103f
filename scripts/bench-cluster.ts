/**
 * `npm run bench:cluster` (or `npx tsx scripts/bench-cluster.ts`): load figures of the local API
 * server. The server runs in its own child process (this file with `--serve`), so neither the
 * client's CPU nor its memory pollutes the figures; the bench drives it over keep-alive HTTPS.
 *
 * Creates 5,000 HTTPRoutes, lists them (one request and pages of 500), gets, patches, fans a watch
 * out to 20 watchers, deletes; prints p50/p95/p99 per verb and the server's peak RSS as a markdown
 * table and writes bench-results/cluster.json (one record per figure:
 * {what, size, p50, p95, p99, budget, met, measuredAt}).
 *
 * `BENCH_CPU_PROF=1` adds `--cpu-prof` to the server (profiles in bench-results/profiles/).
 * `BENCH_NODE_FLAGS="--trace-gc …"` passes more flags to the server's node.
 * `BENCH_ROUTES=n` changes the number of routes (default 5,000).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure } from './bench/cluster/phases';
import { table, type Result } from './bench/cluster/results';
import { serve, startChild, stopChild } from './bench/cluster/server';

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-bench-'));
  const load = os.loadavg()[0] ?? 0;
  let child: ChildProcess | undefined;
  // Whatever happens, the server child does not outlive the bench.
  const kill = (): void => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', kill);
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.on(sig, () => {
      kill();
      process.exit(130);
    });
  let results: Result[];
  try {
    const started = await startChild(path.join(dir, 'data'));
    child = started.child;
    child.removeAllListeners('exit');
    results = await measure(started.ready, child);
  } finally {
    if (child) await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(table(results));
  console.log(`\n${os.cpus().length} CPUs, node ${process.version}, load average (1 min) at start ${load.toFixed(2)}`);
  mkdirSync('bench-results', { recursive: true });
  // Latencies depend on what else the machine runs: each record says how busy it was.
  const machine = { cpus: os.cpus().length, node: process.version, loadAverage1m: +load.toFixed(2) };
  writeFileSync(
    path.join('bench-results', 'cluster.json'),
    JSON.stringify(
      results.map((r) => ({ ...r, machine })),
      null,
      2,
    ) + '\n',
  );
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3] ?? '.portico-bench').catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
