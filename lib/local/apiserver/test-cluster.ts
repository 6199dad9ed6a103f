/**
 * Test support: a local cluster in a temporary data dir on a free port, and a kubectl runner
 * whose environment points only at it (own KUBECONFIG, HOME and discovery cache).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '../cluster';

/** Where kubectl is, or undefined when the machine has none. */
export function findKubectl(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  return dirs.map((d) => path.join(d, 'kubectl')).find((p) => existsSync(p));
}

/** A cluster started for one test file. */
export interface TestCluster {
  dir: string;
  cluster: LocalCluster;
  env: Record<string, string | undefined>;
  /** Runs kubectl; never rejects (look at code/stdout/stderr). */
  kubectl(
    args: string[],
    opts?: { input?: string; env?: Record<string, string> },
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Starts a long-running kubectl (e.g. `get -w`). */
  spawnKubectl(args: string[]): ChildProcess;
  /** Restarts the server on the same port and data dir. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts a seeded cluster in a fresh temporary directory. */
export async function startTestCluster(extra: Partial<LocalClusterOptions> = {}): Promise<TestCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-cluster-'));
  const dataDir = path.join(dir, 'data');
  let cluster = await startLocalCluster({ dataDir, ...extra });
  const port = Number(new URL(cluster.url).port);
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: dir,
    KUBECONFIG: cluster.kubeconfigPath,
    KUBECACHEDIR: path.join(dir, 'kube-cache'),
  };
  const t: TestCluster = {
    dir,
    get cluster() {
      return cluster;
    },
    env,
    kubectl: (args, opts = {}) =>
      new Promise((resolve) => {
        const child = execFile(
          'kubectl',
          args,
          { env: { ...env, ...opts.env } as NodeJS.ProcessEnv, timeout: 30_000 },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
            resolve({ code, stdout: String(stdout), stderr: String(stderr) });
          },
        );
        if (opts.input !== undefined) child.stdin?.end(opts.input);
      }),
    spawnKubectl: (args) => spawn('kubectl', args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] }),
    async restart() {
      await cluster.stop();
      cluster = await startLocalCluster({ dataDir, ...extra, port });
    },
    async dispose() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
