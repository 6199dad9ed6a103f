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
import { spawn, type ChildProcess } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

const N = Number(process.env.BENCH_ROUTES ?? 5_000);
const ROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';
const WATCHERS = 20;
/** Every wait is bounded: a stuck server fails the bench instead of hanging it. */
const WAIT_MS = 10_000;

/** What the server child sends once it listens. */
interface Ready {
  url: string;
  token: string;
  caPem: string;
}
/**
 * The child's answer to a probe: peak resident set size so far (bytes), CPU time used (ms), and
 * the server-side durations (ms, request received → response handed to the socket) of the
 * non-watch requests finished since the previous probe.
 */
interface Mem {
  maxRss: number;
  rss: number;
  cpuMs: number;
  durations: number[];
}

// ---- server child -------------------------------------------------------------------------

async function serve(dataDir: string): Promise<void> {
  const { startLocalCluster } = await import('../lib/local/cluster');
  const cluster = await startLocalCluster({ dataDir });
  const send = (m: object): void => {
    process.send?.(m);
  };
  // Server-side request durations from Node's own HTTP diagnostics channels (no server changes).
  const started = new WeakMap<ServerResponse, number>();
  let durations: number[] = [];
  diagnostics.subscribe('http.server.request.start', (m) => {
    const { request, response } = m as { request: IncomingMessage; response: ServerResponse };
    if (!/[?&]watch=(1|true)/.test(request.url ?? '')) started.set(response, performance.now());
  });
  diagnostics.subscribe('http.server.response.finish', (m) => {
    const t0 = started.get((m as { response: ServerResponse }).response);
    if (t0 !== undefined) durations.push(performance.now() - t0);
  });
  process.on('message', (m: unknown) => {
    if (m === 'mem') {
      // maxRSS is the kernel's high-water mark (KiB): a true peak, not a sampled one.
      const cpu = process.cpuUsage();
      const mem: Mem = {
        maxRss: process.resourceUsage().maxRSS * 1024,
        rss: process.memoryUsage().rss,
        cpuMs: (cpu.user + cpu.system) / 1000,
        durations,
      };
      durations = [];
      send({ mem });
    } else if (m === 'stop') {
      // A normal exit, so --cpu-prof writes its profile.
      void cluster.stop().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: { url: cluster.url, token: cluster.token, caPem: cluster.caPem } satisfies Ready });
}

/** Starts the server child; resolves when it listens. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench-results/profiles')}`] : [];
  prof.push(...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean));
  const script = process.argv[1] ?? 'scripts/bench-cluster.ts';
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', script, '--serve', dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server child did not start within 60 s')), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server child exited with ${code}`));
    });
    child.on('message', (m: unknown) => {
      if (typeof m === 'object' && m !== null && 'ready' in m) {
        clearTimeout(timer);
        resolve({ child, ready: (m as { ready: Ready }).ready });
      }
    });
  });
}

/** Asks the child for its memory figures. */
function probeMemory(child: ChildProcess): Promise<Mem> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('memory probe timed out')), WAIT_MS);
    const onMsg = (m: unknown): void => {
      if (typeof m === 'object' && m !== null && 'mem' in m) {
        clearTimeout(timer);
        child.off('message', onMsg);
        resolve((m as { mem: Mem }).mem);
      }
    };
    child.on('message', onMsg);
    child.send('mem');
  });
}

/** Asks the child to stop cleanly; kills it when it does not within 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    child.send('stop');
  } catch {
    /* channel already closed */
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_MS);
  await exited;
  clearTimeout(timer);
}

// ---- measurements -------------------------------------------------------------------------

/** One figure of cluster.json. */
interface Result {
  what: string;
  size: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Peak value, for memory (MB). */
  value?: number;
  n?: number;
  /** Server CPU time (user + system) per operation, ms: unlike latencies, immune to other load on the machine. */
  serverCpuMs?: number;
  /** Server-side p50/p99 (ms) of the phase's requests: received → response handed to the socket. */
  serverP50?: number;
  serverP99?: number;
  budget: string | null;
  met: boolean | null;
  measuredAt: string;
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const r2 = (x: number): number => +x.toFixed(2);

function result(what: string, xs: number[], budget?: { text: string; p50?: number; p99?: number }): Result {
  const s = [...xs].sort((a, b) => a - b);
  const [p50, p95, p99] = [pct(s, 50), pct(s, 95), pct(s, 99)];
  const met = budget ? (budget.p50 === undefined || p50 < budget.p50) && (budget.p99 === undefined || p99 < budget.p99) : null;
  return {
    what,
    size: N,
    n: xs.length,
    p50: r2(p50),
    p95: r2(p95),
    p99: r2(p99),
    budget: budget?.text ?? null,
    met,
    measuredAt: new Date().toISOString(),
  };
}

function route(i: number): object {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: `route-${String(i).padStart(5, '0')}`, labels: { bench: 'yes', shard: String(i % 10) } },
    spec: {
      parentRefs: [{ name: 'gateway', namespace: 'istio-system' }],
      hostnames: [`r${i}.aliyun.com`],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: `/r/${i}` } }], backendRefs: [{ name: 'httpbin', port: 8000 }] }],
    },
  };
}
const routeName = (i: number): string => `route-${String(i).padStart(5, '0')}`;

type Call = (method: string, p: string, body?: object, type?: string) => Promise<{ status: number; text: string }>;

function client(ready: Ready, agent: https.Agent): Call {
  return (method, p, body, type = 'application/json') =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined;
      const req = https.request(
        new URL(p, ready.url),
        {
          method,
          agent,
          timeout: WAIT_MS,
          headers: {
            Authorization: `Bearer ${ready.token}`,
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': type } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${p} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
}

async function timed(f: () => Promise<{ status: number; text: string }>, ok = [200, 201]): Promise<number> {
  const t0 = performance.now();
  const r = await f();
  const ms = performance.now() - t0;
  if (!ok.includes(r.status)) throw new Error(`unexpected status ${r.status}: ${r.text.slice(0, 300)}`);
  return ms;
}

/** Watch fan-out: WATCHERS watches; latency from sending a patch to its event at every watcher. */
async function fanOut(ready: Ready, call: Call): Promise<number[]> {
  const rv = (JSON.parse((await call('GET', `${ROUTES}?limit=1`)).text) as { metadata: { resourceVersion: string } }).metadata
    .resourceVersion;
  const arrivals = new Map<string, number[]>();
  const agent = new https.Agent({ keepAlive: false, ca: ready.caPem });
  let opened = 0;
  const watchers = Array.from({ length: WATCHERS }, () =>
    https.get(
      new URL(`${ROUTES}?watch=1&resourceVersion=${rv}`, ready.url),
      { agent, headers: { Authorization: `Bearer ${ready.token}` } },
      (res) => {
        opened++;
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            const ev = JSON.parse(line) as { object: { metadata: { resourceVersion: string } } };
            const key = ev.object.metadata.resourceVersion;
            const list = arrivals.get(key) ?? [];
            list.push(performance.now());
            arrivals.set(key, list);
          }
        });
      },
    ),
  );
  try {
    await waitFor(() => opened === WATCHERS, 'watchers to start');
    const out: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const r = await call(
        'PATCH',
        `${ROUTES}/${routeName(i)}`,
        { metadata: { labels: { watched: String(i) } } },
        'application/merge-patch+json',
      );
      const erv = (JSON.parse(r.text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
      await waitFor(() => (arrivals.get(erv)?.length ?? 0) >= WATCHERS, `event ${erv} at ${WATCHERS} watchers`);
      out.push(Math.max(...(arrivals.get(erv) ?? [t0])) - t0);
    }
    return out;
  } finally {
    for (const w of watchers) w.destroy();
    agent.destroy();
  }
}

async function waitFor(cond: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + WAIT_MS;
  while (!cond()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setImmediate(res));
  }
}

async function measure(ready: Ready, child: ChildProcess): Promise<Result[]> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ca: ready.caPem });
  const call = client(ready, agent);
  const out: Result[] = [];
  /** Runs one phase and records its latencies plus the server CPU it cost per operation. */
  const phase = async (what: string, run: () => Promise<number[]>, budget?: Parameters<typeof result>[2]): Promise<void> => {
    const before = (await probeMemory(child)).cpuMs;
    const xs = await run();
    const after = await probeMemory(child);
    const server = [...after.durations].sort((a, b) => a - b);
    out.push({
      ...result(what, xs, budget),
      serverCpuMs: r2((after.cpuMs - before) / xs.length),
      serverP50: r2(pct(server, 50)),
      serverP99: r2(pct(server, 99)),
    });
  };
  const repeat = async (n: number, f: (i: number) => Promise<number>): Promise<number[]> => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(await f(i));
    return xs;
  };
  const patchLabel = (i: number, key: string): Promise<{ status: number; text: string }> =>
    call(
      'PATCH',
      `${ROUTES}/${routeName(i % N)}`,
      { metadata: { labels: { [key]: String(i) } } },
      'application/merge-patch+json',
    );
  try {
    // Warm-up (JIT, caches), excluded from the figures; the routes are deleted again.
    await repeat(200, (i) => timed(() => call('POST', ROUTES, route(N + i))));
    await repeat(200, (i) => timed(() => call('DELETE', `${ROUTES}/${routeName(N + i)}`)));

    await phase('create', () => repeat(N, (i) => timed(() => call('POST', ROUTES, route(i)))), { text: 'p99 < 15 ms', p99: 15 });
    await phase(`list ${N} (one request)`, () => repeat(20, () => timed(() => call('GET', ROUTES))), {
      text: 'p50 < 250 ms',
      p50: 250,
    });
    await phase(`list ${N} (pages of 500)`, () =>
      repeat(5, async () => {
        const t0 = performance.now();
        let cont = '';
        let count = 0;
        for (let page = 0; page < Math.ceil(N / 500) + 1; page++) {
          const r = await call('GET', `${ROUTES}?limit=500${cont ? `&continue=${cont}` : ''}`);
          const body = JSON.parse(r.text) as { items: unknown[]; metadata: { continue?: string } };
          count += body.items.length;
          cont = body.metadata.continue ?? '';
          if (!cont) break;
        }
        if (count !== N) throw new Error(`paged list returned ${count}`);
        return performance.now() - t0;
      }),
    );
    await phase('get', () => repeat(1000, (i) => timed(() => call('GET', `${ROUTES}/${routeName((i * 5) % N)}`))));
    await phase('patch (merge)', () => repeat(1000, (i) => timed(() => patchLabel(i, 'patched'))), {
      text: 'p99 < 15 ms',
      p99: 15,
    });
    await phase(`patch → event at all ${WATCHERS} watchers`, () => fanOut(ready, call));
    await phase('delete', () =>
      repeat(Math.min(1000, N), (i) => timed(() => call('DELETE', `${ROUTES}/${routeName(N - 1 - i)}`))),
    );

    const mem = await probeMemory(child);
    const mb = r2(mem.maxRss / 1024 / 1024);
    out.push({
      what: 'peak RSS of the server process (MB)',
      size: N,
      p50: null,
      p95: null,
      p99: null,
      value: mb,
      budget: '< 300 MB',
      met: mb < 300,
      measuredAt: new Date().toISOString(),
    });
  } finally {
    agent.destroy();
  }
  return out;
}

function table(results: Result[]): string {
  const cell = (x: number | null): string => (x === null ? '' : String(x));
  const lines = [
    '| what | n | p50 ms | p95 ms | p99 ms | server-side p50 / p99 ms | server CPU ms/op | budget | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of results) {
    const server = r.serverP50 === undefined ? '' : `${r.serverP50} / ${r.serverP99}`;
    const vals =
      r.value !== undefined
        ? `| ${r.value} MB | | | | `
        : `| ${cell(r.p50)} | ${cell(r.p95)} | ${cell(r.p99)} | ${server} | ${r.serverCpuMs ?? ''} `;
    lines.push(`| ${r.what} | ${r.n ?? ''} ${vals}| ${r.budget ?? ''} | ${r.met === null ? '' : r.met ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}

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
