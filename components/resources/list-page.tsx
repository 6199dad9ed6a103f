import { ResourceList } from '@/components/resources/resource-list';
import { EmptyState } from '@/components/ui/empty-state';
import type { KindName } from '@/lib/model/kinds';
import type { ObjectList } from '@/lib/model/lists';

/** The body of a list page: the live list, or a message naming what failed and what to do. */
export function ListPageBody({ kind, list }: { kind: KindName; list: ObjectList | { error: string } }) {
  if ('items' in list) return <ResourceList kind={kind} initial={list} />;
  return (
    <EmptyState title={`${kind} objects could not be listed`}>
      <p role="alert">{list.error}</p>
      <p>Check the cluster connection at the top of the page, then reload.</p>
    </EmptyState>
  );
}
