/**
 * `npm run bench`: every benchmark, one after the other (never in parallel: they measure time on a
 * 2-core machine). Each script prints its table and writes bench-results/<name>.json; their
 * figures and budgets are recorded in BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const benches = ['cluster', 'engine', 'routing', 'gateway', 'topology', 'verify'];
let failed = 0;
for (const name of benches) {
  const script = path.join(root, 'scripts', `bench-${name}.ts`);
  if (!fs.existsSync(script)) {
    console.log(`\n(skipping bench:${name}: ${path.relative(root, script)} does not exist yet)`);
    continue;
  }
  console.log(`\n▶ bench:${name}`);
  const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), script, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
