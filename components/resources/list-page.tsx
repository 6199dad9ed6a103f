import { ResourceList } from '@/components/resources/resource-list';
import { EmptyState } from '@/components/ui/empty-state';
import type { KindName } from '@/lib/model/kinds';
import type { RowPage } from '@/lib/model/list-view';

/** The body of a list page: the live list, or a message naming what failed and what to do. */
export function ListPageBody({
  kind,
  first: { list, view },
}: {
  kind: KindName;
  /** The first window (or why it failed) and the view (URL params) it was filtered and sorted for. */
  first: { list: RowPage | { error: string }; view: string };
}) {
  if ('rows' in list) return <ResourceList kind={kind} initial={list} initialView={view} />;
  return (
    <EmptyState title={`${kind} objects could not be listed`}>
      <p role="alert">{list.error}</p>
      <p>Check the cluster connection at the top of the page, then reload.</p>
    </EmptyState>
  );
}
