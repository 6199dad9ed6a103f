/**
 * The console's cache against the embedded API server: a paged list (more objects than one page), then
 * the watch's adds, changes and deletes, each object kept once and sanitized.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '@/lib/local/apiserver/test-cluster';
import type { WatchEvent } from '@/lib/model/objects';
import { ClusterCache } from './cluster-cache';

const count = 620; // more than one list page of 500

function routes(from: number, to: number): string {
  const docs: string[] = [];
  for (let i = from; i <= to; i++)
    docs.push(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r-${i}\n  namespace: default\nspec:\n  hostnames: ['r${i}.example.com']\n`,
    );
  return docs.join('---\n');
}

describe('ClusterCache', () => {
  let t: TestCluster;
  let cache: ClusterCache;
  const batches: WatchEvent[][] = [];

  beforeAll(async () => {
    t = await startTestCluster();
    expect((await t.kubectl(['apply', '-f', '-'], { input: routes(1, count) })).code).toBe(0);
    const config = new KubeConfig();
    config.loadFromFile(t.cluster.kubeconfigPath);
    cache = new ClusterCache('test', config);
    await cache.start();
    cache.subscribe((b) => batches.push(b));
  }, 120_000);
  afterAll(async () => {
    await cache?.stop();
    await t?.dispose();
  });

  it('lists every object across pages, once each, without managedFields', () => {
    const listed = cache.list('HTTPRoute');
    expect(listed).toHaveLength(count);
    expect(new Set(listed.map((o) => o.metadata.name)).size).toBe(count);
    expect(listed.every((o) => !('managedFields' in o.metadata))).toBe(true);
    expect(listed[0]?.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(cache.syncState().HTTPRoute).toMatchObject({ synced: true });
  });

  it('follows adds, changes and deletes from the watch and moves the kind revision', async () => {
    const before = cache.revision('HTTPRoute');
    expect((await t.kubectl(['apply', '-f', '-'], { input: routes(count + 1, count + 1) })).code).toBe(0);
    expect(
      (await t.kubectl(['patch', 'httproute', 'r-1', '--type=merge', '-p', '{"spec":{"hostnames":["changed.example.com"]}}']))
        .code,
    ).toBe(0);
    expect((await t.kubectl(['delete', 'httproute', 'r-2'])).code).toBe(0);
    await expect
      .poll(() => batches.flat().map((e) => `${e.type} ${e.key}`), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([`ADDED default/r-${count + 1}`, 'MODIFIED default/r-1', 'DELETED default/r-2']));
    expect(cache.get('HTTPRoute', 'default/r-1')?.spec).toMatchObject({ hostnames: ['changed.example.com'] });
    expect(cache.get('HTTPRoute', 'default/r-2')).toBeUndefined();
    expect(cache.list('HTTPRoute')).toHaveLength(count);
    expect(cache.revision('HTTPRoute')).toBeGreaterThanOrEqual(before + 3);
  });

  it('resumes watching after the API server restarts, missing no change', async () => {
    await t.restart();
    expect((await t.kubectl(['delete', 'httproute', 'r-3'])).code).toBe(0);
    await expect.poll(() => cache.get('HTTPRoute', 'default/r-3'), { timeout: 20_000 }).toBeUndefined();
    await expect.poll(() => cache.syncState().HTTPRoute?.synced, { timeout: 20_000 }).toBe(true);
  });
});
