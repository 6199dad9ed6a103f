/**
 * The one record format every benchmark's figures are summarized in (bench-results/summary.json and the table at
 * the top of BENCHMARKS.md): what was measured, at which size, median and p95 (or a single value), peak memory,
 * the budget and whether it was met, when, and how busy the machine was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A budget: the figure's `stat` must stay below `limit` (in the figure's unit). */
export interface Budget {
  text: string;
  limit: number;
  /** Which statistic is held to the limit. */
  stat: 'median' | 'p95' | 'p99' | 'value';
}

/** One measured figure. */
export interface Figure {
  bench: string;
  what: string;
  size: string;
  unit: string;
  median: number | null;
  p95: number | null;
  /** Only where a budget is on the tail (the API server's write latency). */
  p99?: number | null;
  /** Single-valued figures (memory, bytes, counts). */
  value?: number | null;
  /** Peak memory of the measured process, MB, where the bench knows it. */
  peakMemoryMB?: number | null;
  samples?: number;
  budget: Budget | null;
  met: boolean | null;
  measuredAt: string;
  /** 1-minute load average when measured (2-CPU machines shared with other work: read figures against it). */
  load: number;
  note?: string;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Nearest-rank percentile of a non-empty sorted array. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** The value a budget is checked against, or undefined when the figure has none. */
export function checkedValue(f: Pick<Figure, 'median' | 'p95' | 'p99' | 'value'>, stat: Budget['stat']): number | undefined {
  const v = stat === 'median' ? f.median : stat === 'p95' ? f.p95 : stat === 'p99' ? f.p99 : f.value;
  return v === null || v === undefined ? undefined : v;
}

/** Builds a figure from samples (or one value), judging it against its budget. */
export function figure(
  base: { bench: string; what: string; size: string; unit: string; budget?: Budget; note?: string; peakMemoryMB?: number },
  samples: number[] | number,
): Figure {
  const xs = typeof samples === 'number' ? [samples] : [...samples].sort((a, b) => a - b);
  const single = typeof samples === 'number';
  const f: Figure = {
    bench: base.bench,
    what: base.what,
    size: base.size,
    unit: base.unit,
    median: single || xs.length === 0 ? null : round(percentile(xs, 50)),
    p95: single || xs.length === 0 ? null : round(percentile(xs, 95)),
    ...(single ? { value: round(samples) } : { samples: xs.length }),
    ...(base.peakMemoryMB !== undefined ? { peakMemoryMB: round(base.peakMemoryMB) } : {}),
    budget: base.budget ?? null,
    met: null,
    measuredAt: new Date().toISOString(),
    load: round(os.loadavg()[0] ?? 0),
    ...(base.note ? { note: base.note } : {}),
  };
  const v = f.budget ? checkedValue(f, f.budget.stat) : undefined;
  f.met = f.budget && v !== undefined ? v < f.budget.limit : null;
  return f;
}

/** Writes a bench's figures to bench-results/<file>.json. */
export function writeFigures(root: string, file: string, figures: Figure[]): string {
  const dir = path.join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${file}.json`);
  writeFileSync(out, JSON.stringify(figures, null, 2) + '\n');
  return out;
}
