/**
 * The console under test: the production build (`next start`) against the bench cluster's kubeconfig, on a port of
 * the bench's own range, and its memory read from /proc (the whole process tree: Next may fork workers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { request, type APIRequestContext } from '@playwright/test';
import { ensureBuild } from '../../lib/build';
import { nextStartArgs } from '../../lib/console-node';
import { waitForHttp } from '../../lib/wait';

/** A signed-in session: Playwright storage state for browser contexts, and its Cookie header for fetch. */
export interface Session {
  storageState: Awaited<ReturnType<APIRequestContext['storageState']>>;
  cookie: string;
}

/** A running console server. */
export interface ConsoleServer {
  url: string;
  pid: number;
  /** Signs in with the access token the bench started the console with, as a user opening the `?token=` link. */
  signIn(): Promise<Session>;
  stop(): Promise<void>;
}

/** The first port of [from, to] nobody listens on at 127.0.0.1. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let p = from; p <= to; p++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return p;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

/** Builds when needed (or uses the build as it is with `noBuild`), then starts the console and waits for health. */
export async function startConsole(root: string, kubeconfigPath: string, port: number, noBuild: boolean): Promise<ConsoleServer> {
  await ensureBuild(root, { skipIfBuilt: noBuild });
  const token = randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(process.execPath, nextStartArgs('127.0.0.1', port), {
    cwd: root,
    env: {
      ...process.env,
      PORTICO_KUBECONFIG: kubeconfigPath,
      PORTICO_EMBEDDED: '1',
      PORTICO_ACCESS_TOKEN: token,
      PORTICO_SESSION_SECRET: randomBytes(32).toString('hex'),
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, 120_000, () => child.exitCode !== null);
  return {
    url,
    pid: child.pid ?? 0,
    async signIn() {
      const ctx = await request.newContext({ baseURL: url });
      try {
        const res = await ctx.get(`/api/auth/sign-in?${new URLSearchParams({ token, next: '/' })}`, { maxRedirects: 0 });
        if (res.status() !== 303) throw new Error(`sign-in answered ${res.status()}`);
        const storageState = await ctx.storageState();
        return { storageState, cookie: storageState.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
      } finally {
        await ctx.dispose();
      }
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Resident and peak resident memory (MB) of a process and its descendants, from /proc (Linux). */
export function treeMemoryMB(pid: number): { rss: number; peak: number } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let rss = 0;
  let peak = 0;
  const visit = (p: number): void => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return { rss, peak };
}
