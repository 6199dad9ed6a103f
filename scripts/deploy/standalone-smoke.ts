/**
 * Smoke test of the container image without Docker: runs the Next.js standalone build with
 * `node server.js` as the image's runtime stage does (same layout, NODE_ENV/PORT/HOSTNAME, a
 * clean environment, a read-only app directory, uid 10001 when started as root, only a private
 * TMPDIR/HOME writable), against a fresh local cluster through PORTICO_KUBECONFIG, and checks:
 * health, every route of the build answers without a server error and with the security
 * headers, static assets carry them too, and nothing was written to the app directory.
 *
 *   PORTICO_STANDALONE=1 PORTICO_DIST_DIR=.next-standalone npx next build
 *   npx tsx scripts/deploy/standalone-smoke.ts --dist-dir .next-standalone
 *
 * `--root DIR` checks a build made elsewhere (e.g. a copy of the Docker build context);
 * `--browser` also loads every page in Chromium and fails on anything the CSP blocked.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestCluster } from '../../lib/local/apiserver/test-cluster';
import { CONSOLE_V8_FLAGS } from '../lib/console-node';
import { securityHeaders } from '../../lib/security/headers';
import { cspProblems } from './csp-browser';
import { layOutImage, makeReadOnly, makeWritable, snapshot } from './image-layout';
import { concreteRoutes, fetchHead, freePort, waitForHealth } from './smoke-http';

const IMAGE_UID = 10001;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** The tree that was built: the repository, or a copy made as the Docker build context. */
const root = path.resolve(arg('--root') ?? path.resolve(__dirname, '../..'));
const distDir = arg('--dist-dir') ?? process.env.PORTICO_DIST_DIR ?? '.next';

async function main(): Promise<number> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'portico-image-'));
  chmodSync(tmp, 0o755);
  const appDir = path.join(tmp, 'app');
  const writable = path.join(tmp, 'tmp');
  const failures: string[] = [];
  const cluster = await startTestCluster();
  let server: ChildProcess | undefined;
  try {
    layOutImage({ root, distDir }, appDir);
    makeReadOnly(appDir);
    const before = snapshot(appDir);
    mkdirSync(writable, { mode: 0o1777 });
    chmodSync(writable, 0o1777);
    // The kubeconfig Secret mount of deploy/README.md: a readable file outside the app directory.
    const kubeconfig = path.join(tmp, 'kubeconfig');
    copyFileSync(cluster.cluster.kubeconfigPath, kubeconfig);
    chmodSync(kubeconfig, 0o444);

    const port = await freePort();
    const accessToken = randomBytes(24).toString('base64url');
    const asImageUser = process.getuid?.() === 0;
    const env = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      NODE_ENV: 'production' as const,
      PORT: String(port),
      // The image listens on 0.0.0.0; the test stays on loopback.
      HOSTNAME: '127.0.0.1',
      HOME: writable,
      TMPDIR: writable,
      NEXT_TELEMETRY_DISABLED: '1',
      PORTICO_KUBECONFIG: kubeconfig,
      // What deploy/ sets from its Secret; local mode with an explicit token keeps this test self-contained.
      PORTICO_ACCESS_TOKEN: accessToken,
      PORTICO_SESSION_SECRET: randomBytes(32).toString('hex'),
    };
    let stderr = '';
    const options: SpawnOptions = { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] };
    if (asImageUser) Object.assign(options, { uid: IMAGE_UID, gid: IMAGE_UID });
    const child = spawn(process.execPath, [...CONSOLE_V8_FLAGS, 'server.js'], options);
    server = child;
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout?.on('data', (d: Buffer) => process.stdout.write(`[server] ${d.toString()}`));
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/api/health`, 30_000);
    console.log(`standalone server up on ${base} as uid ${asImageUser ? IMAGE_UID : process.getuid?.()}`);

    const expected = securityHeaders();
    const check = async (url: string) => {
      const res = await fetchHead(url);
      if (res.status >= 500) failures.push(`${url}: HTTP ${res.status}`);
      for (const h of expected) {
        if (res.headers.get(h.key) !== h.value) failures.push(`${url}: ${h.key} is ${JSON.stringify(res.headers.get(h.key))}`);
      }
      console.log(`${res.status} ${url}`);
      return res;
    };

    const health = await fetch(`${base}/api/health`);
    const body: unknown = await health.json();
    if (health.status !== 200 || JSON.stringify(body) !== '{"ok":true}')
      failures.push(`/api/health: ${health.status} ${JSON.stringify(body)}`);

    const manifest = JSON.parse(readFileSync(path.join(root, distDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<
      string,
      string
    >;
    for (const route of concreteRoutes(Object.values(manifest))) await check(`${base}${route}`);

    const html = await (await fetch(`${base}/`)).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    if (!asset) failures.push('/: no /_next/static script in the page');
    else if ((await check(`${base}${asset}`)).status !== 200) failures.push(`${asset}: not served`);

    if (process.argv.includes('--browser')) {
      const pages = concreteRoutes(Object.values(manifest)).filter((r) => !r.startsWith('/api/'));
      for (const p of await cspProblems(base, pages, `/?token=${accessToken}`))
        failures.push(`${p.page}: CSP blocked: ${p.message}`);
      console.log(`loaded ${pages.length} pages in Chromium`);
    }

    const anonymous = await fetch(`${base}/api/cluster`);
    if (anonymous.status !== 401) failures.push(`/api/cluster without a session: HTTP ${anonymous.status}, expected 401`);
    const signIn = await fetch(`${base}/api/auth/sign-in?token=${accessToken}`, { redirect: 'manual' });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    if (signIn.status !== 303 || !cookie) failures.push(`sign-in with the access token: HTTP ${signIn.status}`);
    const cluster200 = await fetch(`${base}/api/cluster`, { headers: { cookie } });
    if (cluster200.status !== 200) failures.push(`/api/cluster: HTTP ${cluster200.status} (kubeconfig not used?)`);

    const after = snapshot(appDir);
    for (const [file, mtime] of after) if (before.get(file) !== mtime) failures.push(`wrote ${path.relative(appDir, file)}`);
    if (/EACCES|EROFS|EPERM/.test(stderr)) failures.push(`server stderr reports a write failure:\n${stderr}`);
  } finally {
    server?.kill('SIGTERM');
    await cluster.dispose();
    makeWritable(appDir);
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const f of failures) console.error(`FAIL ${f}`);
  console.log(failures.length ? `standalone smoke: ${failures.length} failure(s)` : 'standalone smoke: ok');
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
