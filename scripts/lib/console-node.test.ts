import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_V8_FLAGS, nextStartArgs } from './console-node';

const root = path.resolve(__dirname, '../..');

describe('console server Node settings', () => {
  it('are accepted by this Node (an unknown V8 flag would stop the console from starting)', () => {
    const run = spawnSync(process.execPath, [...CONSOLE_V8_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('take effect: the young generation is capped as the flag says', () => {
    const semi = CONSOLE_V8_FLAGS.find((f) => f.startsWith('--max-semi-space-size='));
    expect(semi).toBeDefined();
    const mb = Number(semi?.split('=')[1]);
    const script =
      "const s = require('v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space'); console.log(s.space_size)";
    // Allocate enough short-lived garbage for the young generation to grow to its maximum first.
    const grow = 'let a = []; for (let i = 0; i < 2e6; i++) { a.push({ i }); if (a.length > 1e5) a = []; }';
    const newSpace = (flags: readonly string[]): number =>
      Number(spawnSync(process.execPath, [...flags, '-e', `${grow}; ${script}`], { encoding: 'utf8' }).stdout.trim());
    // new_space is both semi-spaces: at most twice the cap with the flag, larger by default.
    expect(newSpace(CONSOLE_V8_FLAGS)).toBeLessThanOrEqual(2 * mb * 1024 * 1024);
    expect(newSpace([])).toBeGreaterThan(2 * mb * 1024 * 1024);
  });

  it('are the ones the container image runs the console with', () => {
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])\s*$/m.exec(
      dockerfile
        .split('\n')
        .filter((l) => !l.startsWith(' '))
        .join('\n'),
    );
    expect(cmd).not.toBeNull();
    expect(JSON.parse(cmd?.[1] ?? '[]')).toEqual(['node', ...CONSOLE_V8_FLAGS, 'server.js']);
  });

  it('come before the script in the arguments of `next start`', () => {
    const args = nextStartArgs('127.0.0.1', 3000);
    expect(args.slice(0, CONSOLE_V8_FLAGS.length)).toEqual([...CONSOLE_V8_FLAGS]);
    expect(args.slice(CONSOLE_V8_FLAGS.length + 1)).toEqual(['start', '-H', '127.0.0.1', '-p', '3000']);
  });
});
