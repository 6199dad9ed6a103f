/**
 * Gateway benchmark (`npm run bench:gateway [-- --install-nginx] [-- --rate 200 --seconds 10]`):
 * latency a client sees calling httpbin directly, through the local gateway, and through nginx
 * (Debian's package, configured as an equivalent reverse proxy), at a fixed rate (open loop),
 * plus peak requests/s with 16 requests in flight. httpbin, the gateway stack and the load
 * generator each run in their own process. Prints a markdown table, writes
 * bench-results/gateway.json and the "Local gateway" section of BENCHMARKS.md.
 * Target: the gateway adds under 1 ms at p50 at 200 requests/s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { closedLoop, openLoop, type LatencyStats, type Target } from '../lib/local/gateway/runtime/bench/load';
import { findNginx, installNginx, startNginx, type RunningNginx } from '../lib/local/gateway/runtime/bench/nginx';
import { treeCpuMicros } from './bench-gateway/proc-cpu';

const ROOT = path.resolve(__dirname, '..');
const SERVE = path.join(ROOT, 'lib/local/gateway/runtime/bench/serve.ts');
const HOST = 'bench.example.com';
const CONCURRENCY = 16;
const SECTION = '## Local gateway (npm run bench:gateway)';

interface Row {
  name: string;
  latency: LatencyStats;
  addedP50Ms?: number;
  maxRps: number;
  /** CPU µs per request of the proxy's process tree during the open loop (httpbin's own for the direct row). */
  cpuUsPerRequest?: number;
  /** CPU µs per request of httpbin during the open loop (same for every row: the backend's share). */
  backendCpuUsPerRequest?: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Starts `serve.ts <args>` and resolves with the JSON line it prints when ready. */
function child<T>(args: string[], nodeFlags: string[] = []): Promise<{ proc: ChildProcess; info: T }> {
  const proc = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', SERVE, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (line) => resolve({ proc, info: JSON.parse(line) as T }));
    proc.once('exit', (code) => reject(new Error(`serve.ts ${args.join(' ')} exited with ${code}`)));
  });
}

function end(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.stdin?.end();
  });
}

/** CPU µs per request of `pid` over `run`, from /proc (undefined off Linux). */
async function cpuPerRequest<T extends { requests: number }>(
  pids: Array<number | undefined>,
  run: () => Promise<T>,
): Promise<{ result: T; us: Array<number | undefined> }> {
  const before = pids.map((p) => (p === undefined ? undefined : treeCpuMicros(p)));
  const result = await run();
  const us = pids.map((p, i) => {
    const a = before[i];
    const b = p === undefined ? undefined : treeCpuMicros(p);
    return a === undefined || b === undefined ? undefined : (b - a) / result.requests;
  });
  return { result, us };
}

async function measure(
  name: string,
  t: Target,
  rate: number,
  seconds: number,
  pids: { proxy?: number; backend?: number },
): Promise<Row> {
  await openLoop(t, rate, 1); // warm connections and JIT
  const { result: latency, us } = await cpuPerRequest([pids.proxy, pids.backend], () => openLoop(t, rate, seconds));
  const maxRps = await closedLoop(t, CONCURRENCY, 5);
  const row: Row = { name, latency, maxRps };
  if (us[0] !== undefined) row.cpuUsPerRequest = us[0];
  if (us[1] !== undefined) row.backendCpuUsPerRequest = us[1];
  console.error(
    `${name}: p50 ${latency.p50.toFixed(3)} ms, ${maxRps.toFixed(0)} req/s, CPU/request ${row.cpuUsPerRequest?.toFixed(0) ?? '?'} µs (backend ${row.backendCpuUsPerRequest?.toFixed(0) ?? '?'} µs)`,
  );
  return row;
}

function table(rows: readonly Row[], rate: number): string {
  const f = (n: number | undefined): string => (n === undefined ? '—' : n.toFixed(3));
  const out = [
    `| Path (GET /get, ${rate} req/s open loop) | p50 ms | p90 ms | p99 ms | added p50 ms | errors | max req/s (${CONCURRENCY} in flight) | proxy CPU µs/request |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const cpu = r.cpuUsPerRequest === undefined ? '—' : r.cpuUsPerRequest.toFixed(0);
    out.push(
      `| ${r.name} | ${f(r.latency.p50)} | ${f(r.latency.p90)} | ${f(r.latency.p99)} | ${f(r.addedP50Ms)} | ${r.latency.errors} | ${r.maxRps.toFixed(0)} | ${cpu} |`,
    );
  }
  return out.join('\n');
}

function writeSection(body: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(SECTION);
  const section = `${SECTION}\n\n${body.trim()}\n`;
  if (start < 0) return writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
  const next = text.indexOf('\n## ', start + SECTION.length);
  writeFileSync(file, `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`);
}

async function main(): Promise<void> {
  const rate = arg('--rate', 200);
  const seconds = arg('--seconds', 10);
  // --cpu-prof DIR: the gateway stack process writes a V8 CPU profile there when it exits.
  const profIndex = process.argv.indexOf('--cpu-prof');
  const profDir = profIndex >= 0 ? process.argv[profIndex + 1] : undefined;
  const procs: ChildProcess[] = [];
  let nginx: RunningNginx | undefined;
  try {
    const httpbin = await child<{ port: number }>(['httpbin']);
    procs.push(httpbin.proc);
    const stack = await child<{ address: string; port: number }>(
      ['stack', String(httpbin.info.port)],
      profDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir)}`] : [],
    );
    procs.push(stack.proc);
    const rows: Row[] = [];
    const direct = await measure(
      'httpbin directly',
      { address: '127.0.0.1', port: httpbin.info.port, host: HOST, path: '/get' },
      rate,
      seconds,
      { backend: httpbin.proc.pid },
    );
    rows.push(direct);
    const gw = await measure(
      'through the local gateway',
      { address: stack.info.address, port: stack.info.port, host: HOST, path: '/get' },
      rate,
      seconds,
      { proxy: stack.proc.pid, backend: httpbin.proc.pid },
    );
    rows.push(gw);
    let bin = findNginx();
    if (!bin && process.argv.includes('--install-nginx')) bin = installNginx((m) => console.error(m));
    let nginxNote = '';
    if (bin) {
      nginx = await startNginx(bin, httpbin.info.port);
      rows.push(
        await measure(
          `through nginx (${nginx.version})`,
          { address: '127.0.0.1', port: nginx.port, host: HOST, path: '/get' },
          rate,
          seconds,
          { proxy: nginx.pid, backend: httpbin.proc.pid },
        ),
      );
    } else {
      nginxNote = "nginx is not installed: comparison skipped (run with --install-nginx to install Debian's package).";
      console.error(nginxNote);
    }
    for (const r of rows.slice(1)) r.addedP50Ms = r.latency.p50 - direct.latency.p50;
    const nginxRow = rows[2];
    // Ratios of what a client sees (p50 latency, peak throughput): added latency alone is too
    // small and noisy to divide by when nginx adds almost nothing.
    const ratios = nginxRow
      ? { p50VsNginx: gw.latency.p50 / nginxRow.latency.p50, maxRpsVsNginx: gw.maxRps / nginxRow.maxRps }
      : undefined;
    const md = table(rows, rate);
    console.log(md);
    // A proxy cannot make a request faster: a negative figure means the direct run was disturbed
    // (another process took the CPUs), not that the target was met.
    const added = gw.addedP50Ms ?? Infinity;
    const verdict = added < 0 ? 'inconclusive (direct run slower than proxied: busy machine)' : added < 1 ? 'met' : 'NOT met';
    const lines = [
      `Target: added p50 < 1 ms at ${rate} req/s — **${verdict}** (${(gw.addedP50Ms ?? NaN).toFixed(3)} ms).`,
      ratios
        ? `Local gateway vs nginx: p50 latency ×${ratios.p50VsNginx.toFixed(2)}, peak req/s ×${ratios.maxRpsVsNginx.toFixed(2)}.`
        : nginxNote,
    ];
    if (gw.cpuUsPerRequest !== undefined)
      lines.push(
        `CPU per request (from /proc, user + system, during the open loop): the gateway process ${gw.cpuUsPerRequest.toFixed(0)} µs` +
          (nginxRow?.cpuUsPerRequest !== undefined ? `, nginx ${nginxRow.cpuUsPerRequest.toFixed(0)} µs` : '') +
          (gw.backendCpuUsPerRequest !== undefined ? `, httpbin ${gw.backendCpuUsPerRequest.toFixed(0)} µs` : '') +
          '.',
      );
    const load = loadavg()[0] ?? 0;
    if (load > cpus().length) {
      lines.push(
        `Caution: load average ${load.toFixed(1)} on ${cpus().length} CPUs during the run; every extra process hop waits for a CPU, so these numbers overstate the proxy's cost.`,
      );
    }
    console.log(`\n${lines.join('\n')}`);
    const env = {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      loadavg: loadavg().map((x) => Number(x.toFixed(2))),
    };
    lines.push(`Load average during the run (1/5/15 min): ${env.loadavg.join(' / ')} on ${env.cpus} CPUs.`);
    console.log(lines.at(-1));
    if (process.argv.includes('--no-write')) return;
    mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(
      path.join(ROOT, 'bench-results/gateway.json'),
      `${JSON.stringify({ date: new Date().toISOString(), rate, seconds, concurrency: CONCURRENCY, env, rows, ratios }, null, 2)}\n`,
    );
    writeSection(
      [
        `Measured ${new Date().toISOString().slice(0, 10)} on ${env.cpus} × ${env.cpu} (Node ${env.node}); httpbin, the gateway stack and the load generator in separate processes; keep-alive clients; \`bench-results/gateway.json\` has the raw numbers.`,
        '',
        md,
        '',
        ...lines,
      ].join('\n'),
    );
  } finally {
    await nginx?.stop();
    for (const p of procs.reverse()) await end(p);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
