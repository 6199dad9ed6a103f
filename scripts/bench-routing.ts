/**
 * Routing benchmark: median time of one routing decision on a generated cluster of
 * 1,000 Gateways, 10,000 HTTPRoutes and 20,000 Services (target < 50 µs), plus the
 * one-off cost of compiling the route table. Writes bench-results/routing.json.
 *
 * Run: npx tsx scripts/bench-routing.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { computeStatus } from '../lib/gateway-api/compute-status';
import { compileRoutes, routeHttp, type HttpRequestInput } from '../lib/gateway-api/routing';
import { emptySnapshot, type Snapshot } from '../lib/gateway-api/types';

const GATEWAYS = 1000;
const ROUTES = 10_000;
const SERVICES = 20_000;
const SAMPLES = 20_000;

/** Deterministic generator so runs compare. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ip(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** 1,000 Gateways in 100 namespaces (HTTP *.gwN.example.com and a catch-all on 8080), 10 routes each. */
function generate(): Snapshot {
  const s = emptySnapshot();
  const ts = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString();
  s.gatewayClasses.push({ metadata: { name: 'portico' }, spec: { controllerName: 'portico.dev/local-gateway' } });
  for (let n = 0; n < 100; n++) s.namespaces.push({ metadata: { name: `ns-${n}`, labels: { team: `t${n % 10}` } } });
  for (let i = 0; i < SERVICES; i++) {
    s.services.push({
      metadata: { name: `svc-${i}`, namespace: `ns-${i % 100}` },
      spec: { ports: [{ port: 8080 }, { port: 9090 }] },
    });
  }
  for (let g = 0; g < GATEWAYS; g++) {
    s.gateways.push({
      metadata: { name: `gw-${g}`, namespace: `ns-${g % 100}`, creationTimestamp: ts(g) },
      spec: {
        gatewayClassName: 'portico',
        listeners: [
          {
            name: 'http',
            port: 80,
            protocol: 'HTTP',
            hostname: `*.gw${g}.example.com`,
            allowedRoutes: { namespaces: { from: 'Same' } },
          },
          { name: 'fallback', port: 8080, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } },
        ],
      },
    });
  }
  for (let r = 0; r < ROUTES; r++) {
    const g = r % GATEWAYS;
    const ns = `ns-${g % 100}`;
    const svc = (k: number): string => `svc-${(((r * 7 + k) % (SERVICES / 100)) * 100 + (g % 100)) % SERVICES}`;
    s.httpRoutes.push({
      metadata: { name: `route-${r}`, namespace: ns, creationTimestamp: ts(GATEWAYS + r) },
      spec: {
        parentRefs: [{ name: `gw-${g}` }],
        hostnames: r % 3 === 0 ? [`*.gw${g}.example.com`] : [`app${r % 10}.gw${g}.example.com`],
        rules: [
          { matches: [{ path: { type: 'Exact', value: `/api/v${r % 4}/health` } }], backendRefs: [{ name: svc(0), port: 8080 }] },
          {
            matches: [{ path: { type: 'PathPrefix', value: `/api/v${r % 4}` }, headers: [{ name: 'x-canary', value: 'true' }] }],
            filters: [
              { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-route', value: `route-${r}` }] } },
            ],
            backendRefs: [
              { name: svc(1), port: 8080, weight: 90 },
              { name: svc(2), port: 8080, weight: 10 },
            ],
          },
          {
            matches: [
              { path: { type: 'PathPrefix', value: `/svc${r % 10}` }, method: 'GET' },
              { queryParams: [{ name: 'r', value: String(r) }] },
            ],
            backendRefs: [{ name: svc(3), port: 9090 }],
          },
          { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: svc(4), port: 8080 }] },
        ],
      },
    });
  }
  return s;
}

function requests(n: number, addrOf: (g: number) => string): HttpRequestInput[] {
  const rand = rng(7);
  const paths = ['/api/v1/health', '/api/v2/users/42', '/svc3/items?page=2', '/', '/static/app.js', '/api/v0/orders'];
  const out: HttpRequestInput[] = [];
  for (let i = 0; i < n; i++) {
    const g = Math.floor(rand() * GATEWAYS);
    const port = rand() < 0.9 ? 80 : 8080;
    out.push({
      scheme: 'http',
      host: `app${Math.floor(rand() * 12)}.gw${g}.example.com`,
      port,
      method: rand() < 0.8 ? 'GET' : 'POST',
      path: paths[Math.floor(rand() * paths.length)] ?? '/',
      headers: rand() < 0.2 ? { 'x-canary': 'true', 'user-agent': 'bench' } : { 'user-agent': 'bench' },
      address: addrOf(g),
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
}

/** Times each decision individually in batches of 10 (timer resolution), in µs per decision. */
function timeDecisions(table: ReturnType<typeof compileRoutes>, reqs: HttpRequestInput[], explain: boolean): number[] {
  const random = rng(11);
  for (let i = 0; i < 5000; i++) routeHttp(table, reqs[i % reqs.length] as HttpRequestInput, { random, explain }); // warm-up
  const per: number[] = [];
  for (let i = 0; i + 10 <= reqs.length; i += 10) {
    const t0 = performance.now();
    for (let k = 0; k < 10; k++) routeHttp(table, reqs[i + k] as HttpRequestInput, { random, explain });
    per.push(((performance.now() - t0) / 10) * 1000);
  }
  return per;
}

function main(): void {
  const snapshot = generate();
  const provisionedAddresses: Record<string, string> = {};
  snapshot.gateways.forEach((g, i) => (provisionedAddresses[`${g.metadata.namespace}/${g.metadata.name}`] = ip(i + 1)));
  let t = performance.now();
  const status = computeStatus(snapshot, {
    controllerNames: ['portico.dev/local-gateway'],
    now: new Date().toISOString(),
    provisionedAddresses,
  });
  const statusMs = performance.now() - t;
  t = performance.now();
  compileRoutes(snapshot, status); // first run pays for JIT warm-up; report the steady state
  t = performance.now();
  const table = compileRoutes(snapshot, status);
  const compileMs = performance.now() - t;
  const reqs = requests(SAMPLES, (g) => ip(g + 1));
  const outcomes = new Map<string, number>();
  for (const r of reqs.slice(0, 2000)) {
    const d = routeHttp(table, r, { explain: false });
    const k = d.outcome === 'forward' ? 'forward' : String(d.status);
    outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
  }
  const fast = timeDecisions(table, reqs, false);
  const explained = timeDecisions(table, reqs, true);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    // Other processes share these 2 cores; a high load average inflates every figure below.
    machine: { cpus: cpus().length, loadAverage1m: +(loadavg()[0] ?? 0).toFixed(2) },
    cluster: { gateways: GATEWAYS, httpRoutes: ROUTES, services: SERVICES, attachments: status.attachments.length },
    computeStatusMs: Math.round(statusMs),
    compileRoutesMs: Math.round(compileMs),
    decision: {
      samples: fast.length * 10,
      medianUs: +median(fast).toFixed(2),
      p99Us: +percentile(fast, 0.99).toFixed(2),
      explainedMedianUs: +median(explained).toFixed(2),
      explainedP99Us: +percentile(explained, 0.99).toFixed(2),
      targetUs: 50,
      pass: median(explained) < 50,
    },
    outcomesOf2000: Object.fromEntries(outcomes),
  };
  const dir = path.join(__dirname, '..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'routing.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}

main();
