/**
 * `npm test`: every check a change must pass, in order of cost: types, lint, formatting, unit and
 * integration tests, then e2e in Chromium. Runs them all even when one fails, so one run shows every
 * problem, then prints a summary and exits non-zero on any failure.
 *
 * `npm test -- --skip-e2e` leaves out the browser tests (for a quick local loop only; CI runs all).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface Step {
  name: string;
  cmd: string[];
  /** Reads passed/failed test counts from the runner's JSON report, when it has one. */
  counts?: () => { passed: number; failed: number; skipped: number } | undefined;
  /** Single-threaded checks run side by side (the machines have two cores), their output printed whole. */
  concurrent?: boolean;
  /**
   * Runs alongside the step before it, its output printed whole once both end: the unit and integration tests keep
   * 1.2 of the two cores busy (much of their time is spent waiting on the servers and kubectl they start), and the
   * build fits in the rest (~60 s of a CI run).
   */
  alongsidePrevious?: boolean;
}

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'test-results');
const skipE2e = process.argv.includes('--skip-e2e');
fs.mkdirSync(out, { recursive: true });

const steps: Step[] = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'], concurrent: true },
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'], concurrent: true },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.', '--log-level', 'warn'], concurrent: true },
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
        { name: 'build', cmd: ['npx', 'next', 'build'], alongsidePrevious: true },
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

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

interface Result {
  step: Step;
  ok: boolean;
  seconds: number;
  counts: ReturnType<NonNullable<Step['counts']>>;
}

/** Runs a step with its output buffered, for steps that run side by side. */
function runBuffered(step: Step): Promise<Result & { output: string }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.cmd[0]!, step.cmd.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) =>
      resolve({ step, ok: code === 0, seconds: (Date.now() - started) / 1000, counts: step.counts?.(), output }),
    );
  });
}

async function runAll(): Promise<Result[]> {
  const results: Result[] = [];
  const concurrent = steps.filter((s) => s.concurrent);
  if (concurrent.length) {
    console.log(`\n▶ ${concurrent.map((s) => s.name).join(', ')} (side by side)`);
    for (const r of await Promise.all(concurrent.map(runBuffered))) results.push(printed(r));
  }
  const sequential = steps.filter((s) => !s.concurrent);
  // A step runs alongside the one before it only: a first step, or two in a row, would never run.
  sequential.forEach((s, i) => {
    if (s.alongsidePrevious && (i === 0 || sequential[i - 1]!.alongsidePrevious))
      throw new Error(`step "${s.name}" runs alongside the step before it, and there is none to run with`);
  });
  for (let i = 0; i < sequential.length; i++) {
    const step = sequential[i]!;
    if (step.alongsidePrevious) continue;
    const alongside = sequential[i + 1]?.alongsidePrevious ? sequential[i + 1] : undefined;
    console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}${alongside ? ` (alongside: ${alongside.name})` : ''}`);
    const other = alongside ? runBuffered(alongside) : undefined;
    results.push(await runInherited(step));
    if (other) results.push(printed(await other));
  }
  return results;
}

/** Prints a buffered step's output whole, under its heading. */
function printed(r: Result & { output: string }): Result {
  console.log(`\n▶ ${r.step.name}: ${r.step.cmd.join(' ')}`);
  if (r.output) process.stdout.write(r.output);
  return r;
}

/** Runs a step with its output streamed as it comes. */
function runInherited(step: Step): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.cmd[0]!, step.cmd.slice(1), { cwd: root, env, stdio: 'inherit' });
    child.on('close', (code) =>
      resolve({ step, ok: code === 0, seconds: (Date.now() - started) / 1000, counts: step.counts?.() }),
    );
  });
}

void runAll().then(summarize);

function summarize(results: Result[]): void {
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
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
