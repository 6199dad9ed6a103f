import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Folders and files whose changes make a new production build necessary. */
const sources = ['app', 'components', 'lib', 'public', 'next.config.js', 'package.json', 'tsconfig.json'];

/**
 * Runs `next build` when there is no build yet or a source is newer than it, so `npm start` is
 * the only command a user needs and a second start skips the minute-long build.
 */
export async function ensureBuild(root: string, opts: { skipIfBuilt?: boolean } = {}): Promise<void> {
  const buildId = path.join(root, process.env.PORTICO_DIST_DIR ?? '.next', 'BUILD_ID');
  const builtAt = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (builtAt && (opts.skipIfBuilt || newestMtime(root, sources) <= builtAt)) return;
  console.log(builtAt ? 'Sources changed since the last build: building the console…' : 'Building the console (first start)…');
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('the console build failed (see the output above)');
}

function newestMtime(root: string, entries: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      if (p.endsWith('node_modules') || p.includes(`${path.sep}crds`)) return;
      for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const e of entries) walk(path.join(root, e));
  return newest;
}
