import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClusterStatus } from '@/lib/model/cluster';
import { clusterStatusQuery } from './use-cluster-status';

const status = (checkedAt: string, reachable = true): ClusterStatus => ({
  configured: true,
  embedded: true,
  reachable,
  version: 'v1.31.0',
  ...(reachable ? {} : { problem: 'The API server did not answer. Check that the cluster runs.' }),
  checkedAt,
});

afterEach(() => vi.unstubAllGlobals());

/** The header's view of the query (an observer that, like the header, reads only `data`) over a stubbed server. */
function header() {
  const server = { reachable: true, checks: 0 };
  vi.stubGlobal('fetch', async () => Response.json(status(`t${++server.checks}`, server.reachable)));
  const client = new QueryClient();
  const options = { ...clusterStatusQuery(status('t0')), refetchInterval: false as const, staleTime: Infinity };
  const observer = new QueryObserver(client, { ...options, notifyOnChangeProps: ['data'] });
  const renders: unknown[] = [];
  const unsubscribe = observer.subscribe((r) => renders.push(r.data));
  return { server, observer, renders, unsubscribe };
}

describe('clusterStatusQuery', () => {
  it('a poll that finds the same state hands the header the same object: nothing to render', async () => {
    const h = header();
    const before = h.observer.getCurrentResult().data;
    await h.observer.refetch();
    await h.observer.refetch();
    expect(h.server.checks).toBe(2);
    expect(h.observer.getCurrentResult().data).toBe(before);
    expect(h.renders).toEqual([]);
    h.unsubscribe();
  });

  it('a poll that finds the cluster unreachable reaches the header', async () => {
    const h = header();
    h.server.reachable = false;
    await h.observer.refetch();
    expect(h.renders).toHaveLength(1);
    expect(h.observer.getCurrentResult().data).toMatchObject({
      reachable: false,
      problem: expect.stringContaining('did not answer'),
    });
    expect(h.observer.getCurrentResult().data).not.toHaveProperty('checkedAt');
    h.unsubscribe();
  });
});
