/**
 * `npm test`: every check a change must pass, in order of cost: types, lint, formatting, unit and
 * integration tests, then e2e in Chromium. Runs them all even when one fails, so one run shows every
 * problem, then prints a summary and exits non-zero on any failure.
 *
 * `npm test -- --skip-e2e` leaves out the browser tests (for a quick local loop only; CI runs all).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Step {
  name: string;
  cmd: string[];
  /** Reads passed/failed test counts from the runner's JSON report, when it has one. */
  counts?: () => { passed: number; failed: number; skipped: number } | undefined;
}

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'test-results');
const skipE2e = process.argv.includes('--skip-e2e');
fs.mkdirSync(out, { recursive: true });

const steps: Step[] = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.', '--log-level', 'warn'] },
  {
    name: 'unit and integration',
    cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(out, 'unit.json')}`],
    counts: () => {
      const r = readJson(path.join(out, 'unit.json')) as
        { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number } | undefined;
      return r ? { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: r.numPendingTests ?? 0 } : undefined;
    },
  },
  ...(skipE2e
    ? []
    : [
        // One production build for both e2e servers (they would otherwise race to build it).
        { name: 'build', cmd: ['npx', 'next', 'build'] },
        {
          name: 'e2e (Chromium)',
          cmd: ['npx', 'playwright', 'test'],
          counts: () => {
            const r = readJson(path.join(out, 'e2e.json')) as
              { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | undefined;
            const s = r?.stats;
            return s
              ? { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 }
              : undefined;
          },
        },
        // The benchmarks still run and no figure exceeds twice its budget (small mesh, on the build above).
        { name: 'benchmark regression check', cmd: ['npx', 'tsx', 'scripts/bench.ts', '--size', 'small', '--check'] },
      ]),
];

const results = steps.map((step) => {
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0]!, step.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const ok = run.status === 0;
  return { step, ok, seconds: (Date.now() - started) / 1000, counts: step.counts?.() };
});

console.log('\nSummary');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  const c = r.counts;
  const detail = c ? ` (${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''})` : '';
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.step.name}${detail} in ${r.seconds.toFixed(1)} s`);
  if (c) {
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  } else if (r.ok) passed += 1;
  else failed += 1;
  // A runner that crashed before reporting still fails the run, counted once.
  if (!r.ok && c && c.failed === 0) failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
