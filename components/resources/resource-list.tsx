'use client';

import { listDescriptors } from '@/components/gateway-api/list-descriptors';
import { EmptyState } from '@/components/ui/empty-state';
import type { KindName } from '@/lib/model/kinds';
import type { ObjectList } from '@/lib/model/lists';
import { useObjects } from '@/lib/queries/use-objects';
import { ListFilters } from './list-filters';
import { ResourceTable } from './resource-table';
import { useListView } from './use-list-view';

/** A live list of one kind: filters, the table, and its loading, empty, stale and error states. */
export function ResourceList({ kind, initial }: { kind: KindName; initial: ObjectList }) {
  const descriptor = listDescriptors[kind];
  const query = useObjects(initial.context, kind);
  const [view, setView] = useListView();
  if (!descriptor) return null;
  const list = query.data ?? initial;
  if (!list.served) {
    return (
      <EmptyState title={`${descriptor.title} are not served by this cluster`}>
        <p>
          The cluster has no CRD for {kind}. Install the Gateway API CRDs that include it (GRPCRoute needs Gateway API v1.1, ASM
          1.22 or later).
        </p>
      </EmptyState>
    );
  }
  const namespaces = [...new Set(list.items.map((o) => o.metadata.namespace).filter((n): n is string => Boolean(n)))].sort();
  return (
    <section aria-label={descriptor.title}>
      {query.error ? (
        <p role="alert" className="inline-error">
          {query.error.message}{' '}
          <button type="button" className="button-quiet" onClick={() => void query.refetch()}>
            Retry
          </button>
        </p>
      ) : null}
      {list.stale ? (
        <p role="status" className="inline-warning">
          The watch of {kind} objects is reconnecting{list.error ? ` (${list.error})` : ''}: this list may be out of date.
        </p>
      ) : null}
      <ListFilters
        view={view}
        onChange={setView}
        namespaces={namespaces}
        total={list.items.length}
        namespaced={kind !== 'GatewayClass'}
      />
      {list.items.length === 0 ? (
        <EmptyState title={`No ${descriptor.title}`}>
          <p>{descriptor.emptyHint}</p>
        </EmptyState>
      ) : (
        <ResourceTable
          descriptor={descriptor}
          items={list.items}
          view={view}
          onSort={(id) => setView({ sort: id, dir: view.sort === id && view.dir === 'asc' ? 'desc' : 'asc' })}
        />
      )}
    </section>
  );
}
