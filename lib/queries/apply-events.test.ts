import { describe, expect, it } from 'vitest';
import type { ObjectList } from '@/lib/model/lists';
import { applyEvents } from './apply-events';

const route = (name: string, ns = 'default', rv = '1') => ({
  kind: 'HTTPRoute',
  metadata: { name, namespace: ns, resourceVersion: rv },
});
const list = (items: ReturnType<typeof route>[]): ObjectList => ({
  kind: 'HTTPRoute',
  context: 'c',
  served: true,
  stale: false,
  items,
});

describe('applyEvents', () => {
  it('adds, replaces and deletes by namespace/name', () => {
    const start = list([route('a'), route('b')]);
    const next = applyEvents(start, [
      { kind: 'HTTPRoute', type: 'ADDED', key: 'default/c', object: route('c') },
      { kind: 'HTTPRoute', type: 'MODIFIED', key: 'default/a', object: route('a', 'default', '7') },
      { kind: 'HTTPRoute', type: 'DELETED', key: 'default/b', object: route('b') },
    ]);
    expect(next.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`).sort()).toEqual(['a@7', 'c@1']);
  });

  it('returns the same list object when no event concerns it', () => {
    const start = list([route('a')]);
    expect(
      applyEvents(start, [{ kind: 'Gateway', type: 'ADDED', key: 'x/g', object: { metadata: { name: 'g', namespace: 'x' } } }]),
    ).toBe(start);
  });

  it('ignores events of other namespaces for a namespaced list', () => {
    const start = list([route('a')]);
    const next = applyEvents(start, [{ kind: 'HTTPRoute', type: 'ADDED', key: 'prod/z', object: route('z', 'prod') }], 'default');
    expect(next).toBe(start);
  });
});
