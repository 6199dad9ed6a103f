/** The measured phases: create, list, get, patch, watch fan-out, delete; then the server's peak memory. */
import type { ChildProcess } from 'node:child_process';
import https from 'node:https';
import { client, route, routeName, timed, waitFor, type Call } from './client';
import { N, ROUTES, WATCHERS } from './config';
import { pct, r2, result, type Result } from './results';
import { probeMemory, type Ready } from './server';

/** Watch fan-out: WATCHERS watches; latency from sending a patch to its event at every watcher. */
export async function fanOut(ready: Ready, call: Call): Promise<number[]> {
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

export async function measure(ready: Ready, child: ChildProcess): Promise<Result[]> {
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
