/** The summary table of figures, as Markdown (BENCHMARKS.md and the console output). */
import type { Figure } from './figures';

const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '' : String(Math.round(x * 10) / 10));

/** One row per figure: what, size, median, p95, peak memory, budget, met, when measured (and the load then). */
export function table(figures: Figure[]): string {
  const lines = [
    '| what | size | median | p95 | peak memory | budget | met | measured (load) |',
    '| --- | --- | ---: | ---: | ---: | --- | --- | --- |',
  ];
  for (const f of figures) {
    const median = f.median ?? f.value;
    const unit = median === null || median === undefined ? '' : ` ${f.unit}`;
    const p95 = f.p95 === null ? '' : `${fmt(f.p95)} ${f.unit}`;
    const peak = f.peakMemoryMB ? `${fmt(f.peakMemoryMB)} MB` : '';
    const met = f.met === null ? '' : f.met ? 'yes' : '**no**';
    // A tail budget names the p99 it was judged by (the table's columns stop at p95).
    const budget = f.budget ? `${f.budget.text}${f.budget.stat === 'p99' ? ` (p99 ${fmt(f.p99)} ${f.unit})` : ''}` : '';
    const load = f.load > 0 ? String(f.load) : 'not recorded';
    // A note may carry an error's whole message: its first line, with no cell separator, keeps the row one row.
    const note = f.note?.split('\n')[0]?.replaceAll('|', '/');
    const what = note ? `${f.bench}: ${f.what} (${note})` : `${f.bench}: ${f.what}`;
    lines.push(
      `| ${what} | ${f.size} | ${fmt(median)}${unit} | ${p95} | ${peak} | ${budget} | ${met} | ${f.measuredAt.slice(0, 16).replace('T', ' ')} (${load}) |`,
    );
  }
  return lines.join('\n');
}
