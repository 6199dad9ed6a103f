/**
 * `npm start`: the console, built when needed, against the configured cluster, or, when none is
 * configured, against the embedded local cluster with its controller, gateway and httpbin.
 *
 * Flags: --port N (console port, default PORTICO_PORT or 3000), --host H (default 127.0.0.1),
 * --embedded (use the embedded cluster even if a kubeconfig exists), --reset (start the embedded
 * cluster from its seed), --data-dir D (default PORTICO_DATA_DIR or .portico), --no-build (use the
 * existing build as it is: test runs build once, then start servers while sources may still change).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readAuthConfig } from '../lib/auth/config';
import { resolveKubeconfigSource } from '../lib/k8s/source';
import { ensureBuild } from './lib/build';
import { nextStartArgs } from './lib/console-node';
import { waitForHttp } from './lib/wait';

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    embedded: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

const root = path.resolve(__dirname, '..');
const port = Number(flags.port ?? process.env.PORTICO_PORT ?? 3000);
const host = flags.host ?? process.env.PORTICO_HOST ?? '127.0.0.1';
const dataDir = path.resolve(flags['data-dir'] ?? process.env.PORTICO_DATA_DIR ?? path.join(root, '.portico'));

/** Loopback addresses: local mode's random token is only a second lock on a console nobody else can reach. */
const isLoopback = (h: string) => h === '127.0.0.1' || h === '::1' || h === 'localhost' || h.startsWith('127.');

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORTICO_DATA_DIR: dataDir };
  // Local mode (issue #11): binding beyond loopback needs a token the operator chose, or another mode.
  const mode = (process.env.PORTICO_AUTH_MODE ?? 'local').trim().toLowerCase();
  // Stops here, naming the setting, rather than failing every request (e.g. oidc mode without an issuer).
  readAuthConfig(process.env);
  if (mode === 'local' && !isLoopback(host) && !process.env.PORTICO_ACCESS_TOKEN?.trim())
    throw new Error(
      `refusing to listen on ${host} with a generated access token: set PORTICO_ACCESS_TOKEN, or PORTICO_AUTH_MODE=token, or bind 127.0.0.1`,
    );
  const accessToken = mode === 'local' ? process.env.PORTICO_ACCESS_TOKEN?.trim() || randomBytes(32).toString('base64url') : '';
  if (accessToken) env.PORTICO_ACCESS_TOKEN = accessToken;
  const source = resolveKubeconfigSource({ env: process.env, home: os.homedir(), exists: (p) => fs.existsSync(p) });
  let stopStack: (() => Promise<void>) | undefined;

  if (flags.embedded || source.kind === 'none') {
    // Imported lazily: a console pointed at a real cluster never loads the embedded one.
    const { startLocalStack } = await import('../lib/local/stack');
    const stack = await startLocalStack({ dataDir, reset: flags.reset });
    stopStack = stack.stop;
    env.PORTICO_KUBECONFIG = stack.kubeconfigPath;
    env.PORTICO_EMBEDDED = '1';
    console.log(`Embedded local cluster at ${stack.apiUrl}`);
    console.log(`  kubectl: export KUBECONFIG=${stack.kubeconfigPath}`);
  } else {
    console.log(
      source.kind === 'file' ? `Using kubeconfig ${source.path} (from ${source.origin})` : 'Using in-cluster service account',
    );
  }

  await ensureBuild(root, { skipIfBuilt: flags['no-build'] });
  const next = spawn(process.execPath, nextStartArgs(host, port), {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const shutdown = once(async (code: number) => {
    next.kill('SIGTERM');
    await stopStack?.();
    process.exit(code);
  });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  next.on('exit', (code) => void shutdown(code ?? 1));

  await waitForHttp(`http://${host}:${port}/api/health`, 120_000, () => exited(next));
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(
    accessToken
      ? `\nPortico is ready: http://${shown}:${port}/?token=${accessToken}\n`
      : `\nPortico is ready: http://${shown}:${port}/ (sign in with a Kubernetes bearer token)\n`,
  );
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function once<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  let called = false;
  return async (...args: A) => {
    if (called) return;
    called = true;
    await fn(...args);
  };
}

main().catch((err: unknown) => {
  console.error(`Portico did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
