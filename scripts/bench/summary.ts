/**
 * Reads every benchmark's own result file (bench-results/*.json, each in the shape its script writes) into the one
 * {@link Figure} format of the summary. Unknown or missing files are skipped: a benchmark not run yet has no row.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkedValue, type Budget, type Figure } from './figures';

type Obj = Record<string, unknown>;
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
const obj = (x: unknown): Obj => (typeof x === 'object' && x !== null ? (x as Obj) : {});

function judge(f: Omit<Figure, 'met'>): Figure {
  const v = f.budget ? checkedValue(f, f.budget.stat) : undefined;
  return { ...f, met: f.budget && v !== undefined ? v < f.budget.limit : null };
}

function read(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** `p99 < 15 ms` / `p50 < 250 ms` / `< 300 MB` as a budget. */
function parseBudget(text: unknown): Budget | null {
  const m = typeof text === 'string' ? /^(p\d+)?\s*<\s*([\d.]+)/.exec(text.trim()) : null;
  if (!m) return null;
  const stat = m[1] === 'p99' ? 'p99' : m[1] === 'p95' ? 'p95' : m[1] ? 'median' : 'value';
  return { text, limit: Number(m[2]), stat } as Budget;
}

function cluster(data: unknown): Figure[] {
  if (!Array.isArray(data)) return [];
  return data.map((raw) => {
    const r = obj(raw);
    const load = num(obj(r.machine).loadAverage1m) ?? 0;
    const memory = typeof r.value === 'number';
    return judge({
      bench: 'cluster',
      what: String(r.what),
      size: `${String(r.size)} routes`,
      unit: memory ? 'MB' : 'ms',
      median: memory ? null : num(r.p50),
      p95: memory ? null : num(r.p95),
      p99: memory ? null : num(r.p99),
      ...(memory ? { value: num(r.value), peakMemoryMB: num(r.value) } : {}),
      budget: parseBudget(r.budget),
      measuredAt: String(r.measuredAt),
      load,
      ...(r.serverCpuMs !== undefined ? { note: `server CPU ${String(r.serverCpuMs)} ms/op` } : {}),
    });
  });
}

function engine(data: unknown): Figure[] {
  const d = obj(data);
  const c = obj(d.cluster);
  const size = `${String(c.routes)} routes`;
  const base = {
    bench: 'engine',
    size,
    unit: 'ms CPU',
    measuredAt: String(d.date),
    load: num((d.loadAverage as unknown[])?.[0]) ?? 0,
  };
  const full = obj(d.fullStatusMs);
  const inc = obj(d.incrementalRouteMs);
  return [
    judge({ ...base, what: 'full status of the cluster', median: num(full.median), p95: null, budget: budgetMs(full.targetMs) }),
    judge({
      ...base,
      what: 'incremental status after one route changes',
      median: num(inc.median),
      p95: num(inc.p95),
      budget: budgetMs(inc.targetMs),
    }),
  ].filter((f) => f.median !== null);
}

const budgetMs = (limit: unknown, unit = 'ms'): Budget | null =>
  typeof limit === 'number' ? { text: `< ${limit} ${unit}`, limit, stat: 'median' } : null;

function routing(data: unknown): Figure[] {
  const d = obj(data);
  const dec = obj(d.decision);
  const base = {
    bench: 'routing',
    size: `${String(obj(d.cluster).httpRoutes)} routes`,
    measuredAt: String(d.date),
    load: num(obj(d.machine).loadAverage1m) ?? 0,
  };
  return [
    judge({
      ...base,
      what: 'routing decision per request',
      unit: 'µs',
      median: num(dec.medianUs),
      p95: null,
      p99: num(dec.p99Us),
      budget: budgetMs(dec.targetUs, 'µs'),
    }),
    judge({
      ...base,
      what: 'compile routes of the cluster',
      unit: 'ms',
      median: null,
      p95: null,
      value: num(d.compileRoutesMs),
      budget: null,
    }),
  ];
}

function gateway(data: unknown): Figure[] {
  const d = obj(data);
  const rows = Array.isArray(d.rows) ? d.rows.map(obj) : [];
  const direct = obj(rows.find((r) => String(r.name).includes('directly'))?.latency);
  const local = rows.find((r) => String(r.name).includes('local gateway'));
  if (!local) return [];
  const lat = obj(local.latency);
  const added = (num(lat.p50) ?? 0) - (num(direct.p50) ?? 0);
  const base = {
    bench: 'gateway',
    size: `${String(d.rate)} req/s`,
    measuredAt: String(d.date),
    load: num((obj(d.env).loadavg as unknown[])?.[0]) ?? 0,
  };
  return [
    judge({
      ...base,
      what: 'latency added by the local gateway (p50)',
      unit: 'ms',
      median: num(added),
      p95: null,
      budget: { text: '< 1 ms', limit: 1, stat: 'median' },
    }),
    judge({
      ...base,
      what: 'through the local gateway',
      unit: 'ms',
      median: num(lat.p50),
      p95: null,
      p99: num(lat.p99),
      budget: null,
      note: `max ${Math.round(Number(local.maxRps))} req/s`,
    }),
  ];
}

function topology(data: unknown, file: string): Figure[] {
  const d = obj(data);
  const runs = Array.isArray(d.runs) ? d.runs.map(obj) : [];
  const when = new Date(readdirStat(file)).toISOString();
  return runs.flatMap((r) => {
    const base = { bench: 'topology', size: `${String(r.nodes)} nodes`, measuredAt: when, load: 0, median: null, p95: null };
    return [
      judge({
        ...base,
        what: `layout: ${String(r.mode)}`,
        unit: 'ms',
        value: num(r.wallMs),
        budget: { text: '< 2 s', limit: 2000, stat: 'value' },
      }),
      judge({
        ...base,
        what: `layout: ${String(r.mode)}, longest main-thread task`,
        unit: 'ms',
        value: num(r.longestTaskMs),
        budget: { text: '< 100 ms', limit: 100, stat: 'value' },
      }),
    ];
  });
}

function verify(data: unknown): Figure[] {
  const d = obj(data);
  const all = obj(d.verifyAll);
  const base = { bench: 'verify', measuredAt: String(d.at), load: 0, p95: null };
  return [
    judge({
      ...base,
      what: 'verification latency added over curl',
      size: 'seed',
      unit: 'ms',
      median: num(d.addedMedianMs),
      budget: budgetMs(d.addedTargetMs),
    }),
    judge({
      ...base,
      what: 'verify all rules',
      size: `${String(all.rules)} rules`,
      unit: 'ms',
      median: null,
      value: num(all.ms),
      budget:
        typeof all.targetMs === 'number' ? { text: `< ${all.targetMs / 1000} s`, limit: all.targetMs, stat: 'value' } : null,
    }),
  ].filter((f) => f.median !== null || f.value !== null);
}

/** The topology bench records no date: its file's modification time is when it was measured. */
function readdirStat(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
}

/** Every figure currently recorded under bench-results/, UI figures of every size measured. */
export function collectFigures(root: string): Figure[] {
  const dir = path.join(root, 'bench-results');
  if (!existsSync(dir)) return [];
  const out: Figure[] = [];
  const readers: Record<string, (d: unknown, file: string) => Figure[]> = { cluster, engine, routing, gateway, topology, verify };
  for (const [name, reader] of Object.entries(readers)) {
    const file = path.join(dir, `${name}.json`);
    if (existsSync(file)) out.push(...reader(read(file), file));
  }
  for (const size of ['small', 'medium', 'large']) {
    const data = read(path.join(dir, `ui-${size}.json`));
    if (Array.isArray(data)) out.push(...(data as Figure[]));
  }
  return out;
}
