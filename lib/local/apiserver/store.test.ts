/**
 * The store's caches and durability: lists and serialized JSON follow every write (no stale
 * cache), the sorted key index stays in step with creates and deletes (paging order), the
 * resourceVersion counter survives restarts and log trimming, replayed changes carry their
 * previous version, and writes acknowledged before a kill -9 are there after reopening.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonBytesOf, jsonOf } from './json-cache';
import { Store } from './store';
import type { JsonObject } from './types';

const RKEY = 'example.com/widgets';
const widget = (ns: string, name: string, spec: JsonObject = {}): JsonObject => ({
  kind: 'Widget',
  metadata: { name, namespace: ns },
  spec,
});
const put = (s: Store, ns: string, name: string, spec: JsonObject = {}) =>
  s.commit([{ op: 'put', rkey: RKEY, ns, name, obj: widget(ns, name, spec) }]);
const names = (s: Store, ns?: string, after?: string): string[] =>
  s
    .list(RKEY, ns, after)
    .map((e) => `${String((e.obj.metadata as JsonObject).namespace)}/${String((e.obj.metadata as JsonObject).name)}`);

describe('Store', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'portico-store-'));
    file = path.join(dir, 'cluster.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the new version after an update: list entries, cached JSON and cached bytes', () => {
    const s = new Store(file);
    put(s, 'default', 'a', { size: 1 });
    const before = s.list(RKEY)[0];
    expect(before && JSON.parse(jsonBytesOf(before.obj).toString())).toMatchObject({ spec: { size: 1 } });
    put(s, 'default', 'a', { size: 2 });
    const after = s.list(RKEY)[0];
    expect(after?.obj).toMatchObject({ spec: { size: 2 }, metadata: { resourceVersion: '2' } });
    // The cached serialization is the object's, byte for byte, never the previous version's.
    expect(after && jsonOf(after.obj)).toBe(JSON.stringify(after?.obj));
    expect(after && jsonBytesOf(after.obj).toString()).toBe(JSON.stringify(after?.obj));
    expect(s.get(RKEY, 'default', 'a')?.json).toBe(JSON.stringify(after?.obj));
    s.close();
  });

  it('keeps lists sorted by namespace then name through creates and deletes, and pages after a key', () => {
    const s = new Store(file);
    for (const [ns, n] of [
      ['b', 'y'],
      ['a', 'z'],
      ['b', 'x'],
    ] as const)
      put(s, ns, n);
    expect(names(s)).toEqual(['a/z', 'b/x', 'b/y']);
    // The sorted index now exists; later writes must keep it in step.
    put(s, 'a', 'c');
    put(s, 'c', 'a');
    s.commit([{ op: 'delete', rkey: RKEY, ns: 'b', name: 'x' }]);
    expect(names(s)).toEqual(['a/c', 'a/z', 'b/y', 'c/a']);
    expect(names(s, 'a')).toEqual(['a/c', 'a/z']);
    expect(names(s, undefined, 'a/z')).toEqual(['b/y', 'c/a']);
    // A continue key that was deleted in between still pages from its place.
    expect(names(s, undefined, 'b/x')).toEqual(['b/y', 'c/a']);
    expect(names(s, 'c', 'a/c')).toEqual(['c/a']);
    s.close();
  });

  it('keeps the resourceVersion counter across restarts, also once the change log was trimmed', () => {
    let s = new Store(file, 5);
    for (let i = 0; i < 20; i++) put(s, 'default', `w${i % 3}`, { i });
    s.commit([{ op: 'delete', rkey: RKEY, ns: 'default', name: 'w0' }]);
    expect(s.resourceVersion).toBe(21);
    s.close();
    s = new Store(file, 5);
    expect(s.resourceVersion).toBe(21);
    expect(s.empty).toBe(false);
    expect(put(s, 'default', 'w9')[0]?.rv).toBe(22);
    // Resuming from before the kept history is 410 Expired; from inside it replays.
    expect(() => s.changesSince(1, '1')).toThrow(expect.objectContaining({ code: 410 }));
    expect(s.changesSince(20, '20').map((e) => [e.type, e.rv])).toEqual([
      ['DELETED', 21],
      ['ADDED', 22],
    ]);
    s.close();
  });

  it('replays MODIFIED changes with the version they replaced', () => {
    const s = new Store(file);
    put(s, 'default', 'a', { size: 1 });
    put(s, 'default', 'a', { size: 2 });
    const [added, modified] = s.changesSince(0, '0');
    expect(added).toMatchObject({ type: 'ADDED', obj: { spec: { size: 1 } } });
    expect(added?.prev).toBeUndefined();
    expect(modified).toMatchObject({ type: 'MODIFIED', obj: { spec: { size: 2 } }, prev: { spec: { size: 1 } } });
    s.close();
  });

  it('keeps every write acknowledged before the process is killed with SIGKILL', async () => {
    const fixture = path.join(__dirname, '__fixtures__', 'commit-and-hang.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, file, '40'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const acknowledged = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('writer did not report')), 30_000);
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /acknowledged (\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`writer exited with ${code}`));
        });
      });
      expect(acknowledged).toBe(40);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const s = new Store(file);
    expect(s.resourceVersion).toBe(40);
    expect(s.list(RKEY)).toHaveLength(40);
    expect(s.get(RKEY, 'default', 'w-39')?.obj).toMatchObject({ spec: { i: 39 }, metadata: { resourceVersion: '40' } });
    s.close();
  }, 60_000);
});
