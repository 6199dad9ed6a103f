/**
 * CPU cost of the local gateway per request, the figure to optimise on a shared machine where
 * wall-clock latency is noisy (`npx tsx scripts/bench-gateway/cpu-per-request.ts [--rate 200]
 * [--seconds 10] [--runs 3] [--cpu-prof DIR]`). Starts httpbin and the gateway stack in their own
 * processes (as `bench:gateway` does), measures the stack's idle CPU (watches, timers), then its
 * CPU during an open loop, and prints both raw and idle-corrected µs per request, per run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openLoop, type Target } from '../../lib/local/gateway/runtime/bench/load';
import { treeCpuMicros } from './proc-cpu';

const ROOT = path.resolve(__dirname, '../..');
const SERVE = path.join(ROOT, 'lib/local/gateway/runtime/bench/serve.ts');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function child<T>(args: string[], nodeFlags: string[] = []): Promise<{ proc: ChildProcess; info: T }> {
  const proc = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', SERVE, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', (line) => resolve({ proc, info: JSON.parse(line) as T }));
    proc.once('exit', (code) => reject(new Error(`serve.ts ${args.join(' ')} exited with ${code}`)));
  });
}

const end = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.stdin?.end();
  });

/** Pause after the warm-up before the idle window, and the window's length. */
const IDLE_SETTLE_MS = 3000;
const IDLE_WINDOW_MS = 5000;

const cpu = (pid: number | undefined): number => (pid === undefined ? NaN : (treeCpuMicros(pid) ?? NaN));

async function main(): Promise<void> {
  const rate = arg('--rate', 200);
  const seconds = arg('--seconds', 10);
  const runs = arg('--runs', 3);
  const profIndex = process.argv.indexOf('--cpu-prof');
  const profDir = profIndex >= 0 ? process.argv[profIndex + 1] : undefined;
  const httpbin = await child<{ port: number }>(['httpbin']);
  const stack = await child<{ address: string; port: number; host: string }>(
    ['stack', String(httpbin.info.port)],
    profDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir)}`] : [],
  );
  try {
    const t: Target = { address: stack.info.address, port: stack.info.port, host: stack.info.host, path: '/get' };
    await openLoop(t, rate, 2); // warm connections and JIT
    // Idle is measured once the warm-up's tail has settled (optimizing compiles and GC run on
    // V8's background threads for a second or two after load stops), over a window long
    // enough for /proc's 10 ms ticks. With --cpu-prof the profiler's own sampling adds to it.
    await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
    const idleStart = cpu(stack.proc.pid);
    await new Promise((r) => setTimeout(r, IDLE_WINDOW_MS));
    const idlePerSecond = (cpu(stack.proc.pid) - idleStart) / (IDLE_WINDOW_MS / 1000);
    console.log(
      `stack idle CPU: ${(idlePerSecond / 1e4).toFixed(2)} % (${idlePerSecond.toFixed(0)} µs/s)` +
        (profDir ? ' (includes the CPU profiler sampling)' : ''),
    );
    for (let i = 0; i < runs; i++) {
      const a = cpu(stack.proc.pid);
      const b0 = cpu(httpbin.proc.pid);
      const t0 = performance.now();
      const stats = await openLoop(t, rate, seconds);
      const elapsed = (performance.now() - t0) / 1000;
      const used = cpu(stack.proc.pid) - a;
      const backend = (cpu(httpbin.proc.pid) - b0) / stats.requests;
      console.log(
        `run ${i + 1}: gateway ${(used / stats.requests).toFixed(0)} µs/request raw, ` +
          `${((used - idlePerSecond * elapsed) / stats.requests).toFixed(0)} idle-corrected; httpbin ${backend.toFixed(0)} µs ` +
          // httpbin does the same work in every run: the ratio cancels much of a busy machine's inflation.
          `(gateway/httpbin ${(used / stats.requests / backend).toFixed(2)}); ` +
          `p50 ${stats.p50.toFixed(3)} ms, errors ${stats.errors}`,
      );
    }
  } finally {
    await end(stack.proc);
    await end(httpbin.proc);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
