import { notifyManager, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { ObjectList } from '@/lib/model/lists';
import type { WatchEvent } from '@/lib/model/objects';
import { k8sKeys } from './keys';
import { writeLists } from './write-lists';

const object = (kind: string, name: string, namespace: string, rv: string) => ({
  kind,
  metadata: { name, namespace, resourceVersion: rv },
});
const list = (kind: ObjectList['kind'], items: ReturnType<typeof object>[]): ObjectList => ({
  kind,
  context: 'c',
  served: true,
  stale: false,
  items,
});
const key = (kind: string, group: string, namespace?: string) =>
  k8sKeys.list({ context: 'c', group, kind, ...(namespace ? { namespace } : {}) });

/** Runs the notification tasks React Query scheduled (each would be one React render pass), counting them. */
function taskCounter() {
  const tasks: Array<() => void> = [];
  notifyManager.setScheduler((fn) => void tasks.push(fn));
  return {
    run(): number {
      const n = tasks.length;
      for (const t of tasks.splice(0)) t();
      return n;
    },
  };
}

afterEach(() => notifyManager.setScheduler((fn) => setTimeout(fn, 0)));

describe('writeLists', () => {
  it('writes every list the events touch and notifies their readers in one task', () => {
    const client = new QueryClient();
    const all = key('HTTPRoute', 'gateway.networking.k8s.io');
    const inProd = key('HTTPRoute', 'gateway.networking.k8s.io', 'prod');
    const services = key('Service', '');
    client.setQueryData(all, list('HTTPRoute', [object('HTTPRoute', 'a', 'prod', '1'), object('HTTPRoute', 'b', 'dev', '1')]));
    client.setQueryData(inProd, list('HTTPRoute', [object('HTTPRoute', 'a', 'prod', '1')]));
    const servicesBefore = list('Service', [object('Service', 's', 'prod', '1')]);
    client.setQueryData(services, servicesBefore);
    const tasks = taskCounter();
    const seen: string[] = [];
    for (const k of [all, inProd, services]) {
      const observer = new QueryObserver(client, { queryKey: k, enabled: false, notifyOnChangeProps: ['data'] });
      // As useQuery subscribes: the listener is scheduled through the notify manager, not called in place.
      observer.subscribe(
        notifyManager.batchCalls((r) => void seen.push(`${k[4]}/${k[5]}@${(r.data as ObjectList).items.length}`)),
      );
    }
    tasks.run();
    seen.length = 0;
    const events: WatchEvent[] = [
      { kind: 'HTTPRoute', type: 'MODIFIED', key: 'prod/a', object: object('HTTPRoute', 'a', 'prod', '2') },
      { kind: 'HTTPRoute', type: 'ADDED', key: 'prod/c', object: object('HTTPRoute', 'c', 'prod', '3') },
    ];
    writeLists(client, 'c', events);
    expect(tasks.run()).toBe(1);
    expect(seen.sort()).toEqual(['HTTPRoute/*@3', 'HTTPRoute/prod@2']);
    expect(client.getQueryData<ObjectList>(inProd)?.items.map((o) => o.metadata.resourceVersion)).toEqual(['2', '3']);
    // A list no event touched keeps its object: its readers have nothing to render.
    expect(client.getQueryData(services)).toBe(servicesBefore);
  });

  it('leaves the lists of other contexts alone', () => {
    const client = new QueryClient();
    const other = k8sKeys.list({ context: 'other', group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' });
    const before = list('HTTPRoute', []);
    client.setQueryData(other, before);
    writeLists(client, 'c', [{ kind: 'HTTPRoute', type: 'ADDED', key: 'prod/a', object: object('HTTPRoute', 'a', 'prod', '1') }]);
    expect(client.getQueryData(other)).toBe(before);
  });
});
