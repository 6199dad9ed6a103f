import type { ObjectList } from '@/lib/model/lists';
import type { WatchEvent } from '@/lib/model/objects';

/**
 * Applies a batch of watch events to one cached list, returning a new list only when something in
 * it changed, so untouched views do not re-render.
 */
export function applyEvents(list: ObjectList, events: WatchEvent[], namespace?: string): ObjectList {
  const relevant = events.filter((e) => e.kind === list.kind && (!namespace || e.object.metadata.namespace === namespace));
  if (relevant.length === 0) return list;
  const byKey = new Map(list.items.map((o) => [keyOf(o), o]));
  for (const e of relevant) {
    if (e.type === 'DELETED') byKey.delete(e.key);
    else byKey.set(e.key, e.object);
  }
  return { ...list, items: [...byKey.values()] };
}

function keyOf(o: { metadata: { name: string; namespace?: string } }): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}
