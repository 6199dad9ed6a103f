/**
 * The API server under test, in a child process (this bench's entry run with `--serve <dataDir>`), so neither the
 * client's CPU nor its memory pollutes the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { WAIT_MS } from './config';

/** What the server child sends once it listens. */
export interface Ready {
  url: string;
  token: string;
  caPem: string;
}
/**
 * The child's answer to a probe: peak resident set size so far (bytes), CPU time used (ms), and
 * the server-side durations (ms, request received → response handed to the socket) of the
 * non-watch requests finished since the previous probe.
 */
export interface Mem {
  maxRss: number;
  rss: number;
  cpuMs: number;
  durations: number[];
}

// ---- server child -------------------------------------------------------------------------

export async function serve(dataDir: string): Promise<void> {
  const { startLocalCluster } = await import('../../../lib/local/cluster');
  const cluster = await startLocalCluster({ dataDir });
  const send = (m: object): void => {
    process.send?.(m);
  };
  // Server-side request durations from Node's own HTTP diagnostics channels (no server changes).
  const started = new WeakMap<ServerResponse, number>();
  let durations: number[] = [];
  diagnostics.subscribe('http.server.request.start', (m) => {
    const { request, response } = m as { request: IncomingMessage; response: ServerResponse };
    if (!/[?&]watch=(1|true)/.test(request.url ?? '')) started.set(response, performance.now());
  });
  diagnostics.subscribe('http.server.response.finish', (m) => {
    const t0 = started.get((m as { response: ServerResponse }).response);
    if (t0 !== undefined) durations.push(performance.now() - t0);
  });
  process.on('message', (m: unknown) => {
    if (m === 'mem') {
      // maxRSS is the kernel's high-water mark (KiB): a true peak, not a sampled one.
      const cpu = process.cpuUsage();
      const mem: Mem = {
        maxRss: process.resourceUsage().maxRSS * 1024,
        rss: process.memoryUsage().rss,
        cpuMs: (cpu.user + cpu.system) / 1000,
        durations,
      };
      durations = [];
      send({ mem });
    } else if (m === 'stop') {
      // A normal exit, so --cpu-prof writes its profile.
      void cluster.stop().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: { url: cluster.url, token: cluster.token, caPem: cluster.caPem } satisfies Ready });
}

/** Starts the server child; resolves when it listens. */
export function startChild(dataDir: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench-results/profiles')}`] : [];
  prof.push(...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean));
  const script = process.argv[1] ?? 'scripts/bench-cluster.ts';
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', script, '--serve', dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server child did not start within 60 s')), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server child exited with ${code}`));
    });
    child.on('message', (m: unknown) => {
      if (typeof m === 'object' && m !== null && 'ready' in m) {
        clearTimeout(timer);
        resolve({ child, ready: (m as { ready: Ready }).ready });
      }
    });
  });
}

/** Asks the child for its memory figures. */
export function probeMemory(child: ChildProcess): Promise<Mem> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('memory probe timed out')), WAIT_MS);
    const onMsg = (m: unknown): void => {
      if (typeof m === 'object' && m !== null && 'mem' in m) {
        clearTimeout(timer);
        child.off('message', onMsg);
        resolve((m as { mem: Mem }).mem);
      }
    };
    child.on('message', onMsg);
    child.send('mem');
  });
}

/** Asks the child to stop cleanly; kills it when it does not within 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    child.send('stop');
  } catch {
    /* channel already closed */
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_MS);
  await exited;
  clearTimeout(timer);
}
