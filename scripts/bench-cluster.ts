/**
 * `npm run bench:cluster` (or `npx tsx scripts/bench-cluster.ts`): load figures of the local API
 * server. Creates 5,000 HTTPRoutes, lists them (one request and pages of 500), gets, patches,
 * fans a watch out to 20 watchers, deletes; prints p50/p99 per verb and peak RSS as a markdown
 * table and writes bench-results/cluster.json. Server and client share this process, so the
 * figures include the client's own cost (an upper bound of the server's).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startLocalCluster } from '../lib/local/cluster';

const N = 5_000;
const ROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';

interface Row { verb: string; n: number; p50: number; p99: number; max: number; target?: string }

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const row = (verb: string, xs: number[], target?: string): Row => ({
  verb, n: xs.length, p50: +pct(xs, 50).toFixed(2), p99: +pct(xs, 99).toFixed(2), max: +Math.max(...xs).toFixed(2), ...(target ? { target } : {}),
});

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

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  const cluster = await startLocalCluster({ dataDir: path.join(dir, 'data') });
  const agent = new https.Agent({ keepAlive: true, maxSockets: 32, ca: cluster.caPem });
  const call = (method: string, p: string, body?: object, type = 'application/json'): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined;
      const r = https.request(new URL(p, cluster.url), {
        method, agent, headers: { Authorization: `Bearer ${cluster.token}`, Accept: 'application/json', ...(payload ? { 'Content-Type': type } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      r.on('error', reject);
      if (payload) r.write(payload);
      r.end();
    });
  const timed = async (f: () => Promise<{ status: number }>, ok = [200, 201]): Promise<number> => {
    const t0 = performance.now();
    const r = await f();
    if (!ok.includes(r.status)) throw new Error(`unexpected status ${r.status}`);
    return performance.now() - t0;
  };
  const rows: Row[] = [];
  try {
    const creates: number[] = [];
    for (let i = 0; i < N; i++) creates.push(await timed(() => call('POST', ROUTES, route(i))));
    rows.push(row('create', creates, 'p99 < 15 ms'));

    const lists: number[] = [];
    for (let i = 0; i < 10; i++) lists.push(await timed(() => call('GET', ROUTES)));
    rows.push(row(`list ${N} (one request)`, lists, '< 250 ms'));

    const paged: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      let cont = '';
      let count = 0;
      do {
        const r = await call('GET', `${ROUTES}?limit=500${cont ? `&continue=${cont}` : ''}`);
        const body = JSON.parse(r.text) as { items: unknown[]; metadata: { continue?: string } };
        count += body.items.length;
        cont = body.metadata.continue ?? '';
      } while (cont);
      if (count !== N) throw new Error(`paged list returned ${count}`);
      paged.push(performance.now() - t0);
    }
    rows.push(row(`list ${N} (pages of 500)`, paged));

    const gets: number[] = [];
    for (let i = 0; i < 1000; i++) gets.push(await timed(() => call('GET', `${ROUTES}/route-${String(i * 5).padStart(5, '0')}`)));
    rows.push(row('get', gets));

    const patches: number[] = [];
    for (let i = 0; i < 1000; i++) {
      patches.push(await timed(() => call('PATCH', `${ROUTES}/route-${String(i).padStart(5, '0')}`, { metadata: { labels: { patched: String(i) } } }, 'application/merge-patch+json')));
    }
    rows.push(row('patch (merge)', patches, 'p99 < 15 ms'));

    // Watch fan-out: 20 watchers; latency from the write's response to the event at every watcher.
    const rv = (JSON.parse((await call('GET', `${ROUTES}?limit=1`)).text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    const arrivals = new Map<string, number[]>();
    const watchers = Array.from({ length: 20 }, () =>
      https.get(new URL(`${ROUTES}?watch=1&resourceVersion=${rv}`, cluster.url), { ca: cluster.caPem, headers: { Authorization: `Bearer ${cluster.token}` } }, (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            const ev = JSON.parse(line) as { object: { metadata: { resourceVersion: string } } };
            const list = arrivals.get(ev.object.metadata.resourceVersion) ?? [];
            list.push(performance.now());
            arrivals.set(ev.object.metadata.resourceVersion, list);
          }
        });
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const fanout: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const r = await call('PATCH', `${ROUTES}/route-${String(i).padStart(5, '0')}`, { metadata: { labels: { watched: String(i) } } }, 'application/merge-patch+json');
      const erv = (JSON.parse(r.text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
      while ((arrivals.get(erv)?.length ?? 0) < 20) await new Promise((res) => setImmediate(res));
      fanout.push(Math.max(...(arrivals.get(erv) ?? [t0])) - t0);
    }
    rows.push(row('patch → event at all 20 watchers', fanout));
    for (const w of watchers) w.destroy();

    const deletes: number[] = [];
    for (let i = 0; i < 1000; i++) deletes.push(await timed(() => call('DELETE', `${ROUTES}/route-${String(N - 1 - i).padStart(5, '0')}`)));
    rows.push(row('delete', deletes));
  } finally {
    clearInterval(sampler);
    agent.destroy();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const rssMb = +(peakRss / 1024 / 1024).toFixed(1);
  const lines = ['| verb | n | p50 ms | p99 ms | max ms | target |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const r of rows) lines.push(`| ${r.verb} | ${r.n} | ${r.p50} | ${r.p99} | ${r.max} | ${r.target ?? ''} |`);
  lines.push(`| peak RSS (server + client) | | ${rssMb} MB | | | < 300 MB |`);
  console.log(lines.join('\n'));
  mkdirSync('bench-results', { recursive: true });
  const result = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, routes: N, rows, peakRssMb: rssMb };
  writeFileSync(path.join('bench-results', 'cluster.json'), JSON.stringify(result, null, 2) + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
