/**
 * Load generation for the gateway benchmark: an open loop at a fixed request rate (latency
 * as a client sees it, without coordinated omission), and a closed loop for peak throughput.
 * Both use one keep-alive connection pool, as a real client would.
 */
import http from 'node:http';

/** Where to send `GET path` with `Host: host`. */
export interface Target {
  address: string;
  port: number;
  host: string;
  path: string;
}

/** Latency percentiles in milliseconds. */
export interface LatencyStats {
  requests: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function once(agent: http.Agent, t: Target): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.get({ host: t.address, port: t.port, path: t.path, headers: { host: t.host }, agent }, (res) => {
      res.resume();
      res.once('end', () =>
        res.statusCode === 200
          ? resolve(Number(process.hrtime.bigint() - started) / 1e6)
          : reject(new Error(`status ${res.statusCode}`)),
      );
    });
    req.once('error', reject);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sends `rate` requests per second for `seconds`, each at its scheduled time, and reports latency. */
export async function openLoop(t: Target, rate: number, seconds: number): Promise<LatencyStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      once(agent, t).then(
        (ms) => void latencies.push(ms),
        () => void errors++,
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    errors,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
  };
}

/** Keeps `concurrency` requests in flight for `seconds`; returns completed requests per second. */
export async function closedLoop(t: Target, concurrency: number, seconds: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      await once(agent, t).then(
        () => void done++,
        () => undefined,
      );
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}
