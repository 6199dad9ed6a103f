/**
 * Verification benchmark (not a test):
 *  1. Added latency of one verification over a direct curl to the same address (median of
 *     N runs, target < 20 ms): the local httpbin stands in for the gateway at 127.0.0.1, the
 *     verification goes through the console's server path (engine view from a snapshot,
 *     guard policy, resolve-and-guard, send, predict, compare, curl command).
 *  2. Verify-all over 500 generated rules (target < 15 s), concurrency 8.
 * Writes bench-results/verify.json. Run: npx tsx scripts/bench-verify.ts
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';

// lib/k8s and lib/verify are server-only modules: load them under the react-server condition.
const reexec = !(process.env.NODE_OPTIONS ?? '').includes('react-server');
if (reexec) {
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=react-server`.trim() };
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
  });
  process.exit(r.status ?? 1);
}

const RUNS = 60;
const RULES = 500;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/**
 * httpbin in its own process, like the gateway is for the console: sharing this process's
 * event loop would slow both sides of every exchange and blur the measurement.
 */
async function httpbinProcess(): Promise<{ port: number; child: ChildProcess }> {
  const code = `import('${path.join(__dirname, '..', 'lib', 'local', 'httpbin', 'index.ts')}').then(async (m) => { const h = await (m.startHttpbin ?? m.default.startHttpbin)({ host: '127.0.0.1', port: 0 }); console.log('PORT ' + h.port); })`;
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), '--eval', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`httpbin exited with ${code}`)));
  });
  return { port, child };
}

async function main(): Promise<void> {
  const { snapshotFromYaml } = await import('../lib/gateway-api/test-support');
  const { fixture } = await import('../lib/verify/test-support');
  const { LOCAL_PORTS_ANNOTATION, runAll } = await import('../lib/verify');
  const { worldFromSnapshot, guardPolicyFor } = await import('../lib/k8s/verify-targets');
  const { planForRule, requestsInScope } = await import('../lib/k8s/verify-plan');
  const { verifyRequest } = await import('../lib/k8s/verify-send');
  type Snapshot = ReturnType<typeof snapshotFromYaml>;

  const httpbin = await httpbinProcess();
  const env = { embedded: true, inCluster: false, consolePorts: [] };
  const local = (s: Snapshot): Snapshot => {
    for (const g of s.gateways) {
      g.status = { addresses: [{ type: 'IPAddress', value: '127.0.0.1' }] };
      g.metadata.annotations = { [LOCAL_PORTS_ANNOTATION]: `80=${httpbin.port}` };
    }
    return s;
  };
  try {
    // 1. One verification vs curl's own time_total (process start excluded) to the same address.
    const seed = () => local(snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml')));
    const url = `http://127.0.0.1:${httpbin.port}/get`;
    const curl: number[] = [];
    const verify: number[] = [];
    const core: number[] = [];
    // Parsed once: the console reads its snapshot from the live cache, never from YAML.
    const seedSnapshot = seed();
    for (let i = 0; i < RUNS + 5; i++) {
      const { stdout: out } = await promisify(execFile)('curl', [
        '-s',
        '-o',
        '/dev/null',
        '-H',
        'Host: httpbin.aliyun.com',
        '-w',
        '%{time_total}',
        url,
      ]);
      const t0 = performance.now();
      const world = worldFromSnapshot('bench', seedSnapshot, env);
      const policy = await guardPolicyFor(world);
      const [req] = planForRule(world, 'HTTPRoute', 'default/http', 0).requests;
      const t1 = performance.now();
      const o = await verifyRequest(world, policy, req!);
      const t2 = performance.now();
      if (!o.report.comparison.pass) throw new Error(`verification did not pass: ${JSON.stringify(o.report.comparison)}`);
      if (i < 5) continue; // warm-up
      curl.push(Number(out) * 1000);
      verify.push(t2 - t0);
      core.push(t2 - t1);
    }
    const added = median(verify) - median(curl);

    // 2. Verify-all: 50 routes × 10 rules on the seed Gateway, every one sent and judged.
    const big = seed();
    for (let r = 0; r < RULES / 10; r++) {
      big.httpRoutes.push({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: {
          name: `gen-${r}`,
          namespace: 'default',
          creationTimestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, r)).toISOString(),
        },
        spec: {
          parentRefs: [{ name: 'gateway', namespace: 'istio-system' }],
          hostnames: [`gen-${r}.aliyun.com`],
          rules: Array.from({ length: 10 }, (_, j) => ({
            matches: [{ path: { type: 'PathPrefix' as const, value: `/anything/r${r}-${j}` } }],
            backendRefs: [{ name: 'httpbin', port: 8000 }],
          })),
        },
      });
    }
    const t0 = performance.now();
    const world = worldFromSnapshot('bench', big, env);
    const policy = await guardPolicyFor(world);
    const all =
      requestsInScope(world, { kind: 'route', routeKind: 'HTTPRoute', route: 'default/gen-0' }).length === 10
        ? requestsInScope(world, { kind: 'cluster' }).filter((q) => q.route.startsWith('default/gen-'))
        : [];
    const outcome = await runAll(all, (req) => verifyRequest(world, policy, req), { concurrency: 8 });
    const allMs = performance.now() - t0;
    const passed = outcome.results.filter((o) => o?.report.comparison.pass).length;

    const result = {
      at: new Date().toISOString(),
      cpus: cpus().length,
      runs: RUNS,
      curlMedianMs: +median(curl).toFixed(2),
      verificationMedianMs: +median(verify).toFixed(2),
      sendAndCompareMedianMs: +median(core).toFixed(2),
      addedMedianMs: +added.toFixed(2),
      addedTargetMs: 20,
      verifyAll: { rules: all.length, passed, ms: Math.round(allMs), targetMs: 15_000, concurrency: 8 },
    };
    console.log(JSON.stringify(result, null, 2));
    const dir = path.join(__dirname, '..', 'bench-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'verify.json'), `${JSON.stringify(result, null, 2)}\n`);
    if (added >= 20 || allMs >= 15_000 || passed !== all.length || all.length !== RULES) process.exitCode = 1;
  } finally {
    httpbin.child.kill('SIGTERM');
  }
}

if (!reexec)
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
