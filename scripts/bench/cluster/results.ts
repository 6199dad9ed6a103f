/** The cluster benchmark's records (bench-results/cluster.json) and their Markdown table. */
import { N } from './config';

/** One figure of cluster.json. */
export interface Result {
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

export const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const r2 = (x: number): number => +x.toFixed(2);

export function result(what: string, xs: number[], budget?: { text: string; p50?: number; p99?: number }): Result {
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

export function table(results: Result[]): string {
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
