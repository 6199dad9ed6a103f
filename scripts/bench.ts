/**
 * `npm run bench -- --size small|medium|large [--check] [--only a,b]`: every benchmark, one after the other (never
 * in parallel: they measure time on a 2-core machine), then the summary: bench-results/summary.json and the table
 * at the top of BENCHMARKS.md (what, size, median, p95, peak memory, budget, met, when and at what load).
 *
 * `--summary-only` rewrites the summary from the recorded results. `--check` (CI): the quick, size-aware benchmarks
 * only (cluster and UI at the given size, two runs per page), and a non-zero exit when any figure of this run exceeds twice its budget or a benchmark fails. The budgets are
 * for the large size on an idle machine; twice that is generous enough for a shared CI machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkedValue } from './bench/figures';
import { writeSummary } from './bench/markdown';
import { collectFigures } from './bench/summary';

const root = path.resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    check: { type: 'boolean', default: false },
    only: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    /** Rewrite the summary from the recorded results without running anything. */
    'summary-only': { type: 'boolean', default: false },
  },
});
const all = ['cluster', 'engine', 'routing', 'gateway', 'topology', 'verify', 'ui'];
const benches = values['summary-only'] ? [] : values.only ? values.only.split(',') : values.check ? ['cluster', 'ui'] : all;
const started = new Date().toISOString();
let failed = 0;
for (const name of benches) {
  const script = path.join(root, 'scripts', `bench-${name}.ts`);
  if (!fs.existsSync(script)) {
    console.log(`\n(skipping bench:${name}: ${path.relative(root, script)} does not exist)`);
    continue;
  }
  const args = ['--size', values.size];
  if (name === 'ui' && values.check) args.push('--runs', '2');
  if (name === 'ui' && values.reuse) args.push('--reuse');
  console.log(`\n▶ bench:${name} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), script, ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.log(`bench:${name} failed (exit ${run.status})`);
    failed += 1;
  }
}

const figures = collectFigures(root);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
if (values.check) {
  // CI proves the benchmarks still work; it does not rewrite the recorded figures.
  fs.writeFileSync(path.join(root, 'bench-results', 'check.json'), JSON.stringify(figures, null, 2) + '\n');
} else {
  fs.writeFileSync(path.join(root, 'bench-results', 'summary.json'), JSON.stringify(figures, null, 2) + '\n');
  writeSummary(path.join(root, 'BENCHMARKS.md'), figures);
  console.log(`\nSummary of ${figures.length} figures written to BENCHMARKS.md and bench-results/summary.json`);
}

if (values.check) {
  const over = figures.filter((f) => {
    if (f.measuredAt < started || !f.budget) return false;
    const v = checkedValue(f, f.budget.stat);
    return v !== undefined && v > 2 * f.budget.limit;
  });
  for (const f of over) console.log(`REGRESSION ${f.bench}: ${f.what} (${f.size}) is over twice its budget ${f.budget?.text}`);
  if (over.length === 0 && failed === 0) console.log('Regression check passed: no figure over twice its budget.');
  process.exit(over.length || failed ? 1 : 0);
}
process.exit(failed ? 1 : 0);
