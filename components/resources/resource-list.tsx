'use client';

import { useCallback, useMemo, useState } from 'react';
import { listDescriptors } from '@/components/gateway-api/list-descriptors';
import { EmptyState } from '@/components/ui/empty-state';
import { deletableKinds, type DeletableKind } from '@/lib/model/delete';
import type { KindName } from '@/lib/model/kinds';
import type { ListRow } from '@/lib/model/list-rows';
import { LIST_WINDOW_ROWS, type RowPage } from '@/lib/model/list-view';
import { useRowWindows } from '@/lib/queries/use-row-windows';
import { RowDeleteButton } from './delete-object-button';
import { DeleteObjectDialog, type DeleteTarget } from './delete-object-dialog';
import { ListFilters } from './list-filters';
import { ResourceTable } from './resource-table';
import { useListView } from './use-list-view';

function isDeletable(kind: KindName): kind is DeletableKind {
  return (deletableKinds as readonly string[]).includes(kind);
}

/** Rows fetched beyond the visible ones: ahead of the scroll direction more than behind it. */
const behind = 20;
const ahead = 60;

/** The windows that hold rows first - behind … last + ahead, as a stable string (a state change only when it differs). */
function windowsFor(first: number, last: number): string {
  const from = Math.floor(Math.max(0, first - behind) / LIST_WINDOW_ROWS);
  const to = Math.floor((last + ahead) / LIST_WINDOW_ROWS);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',');
}

/**
 * A live list of one kind: filters, the table, and its loading, empty, stale and error states. The server
 * filters, sorts and pages; the table asks for the windows of rows it scrolls to.
 */
export function ResourceList({ kind, initial, initialView }: { kind: KindName; initial: RowPage; initialView: string }) {
  const descriptor = listDescriptors[kind];
  const [view, setView] = useListView();
  const [windows, setWindows] = useState('0');
  const onVisible = useCallback((first: number, last: number) => setWindows(windowsFor(first, last)), []);
  const context = initial.context;
  const [deleting, setDeleting] = useState<DeleteTarget | undefined>(undefined);
  const [pendingNote, setPendingNote] = useState<string | undefined>(undefined);
  // Stable across renders, so memoized rows do not re-render when the list does.
  const rowActions = useMemo(
    () =>
      isDeletable(kind)
        ? (row: ListRow) => (
            <RowDeleteButton
              target={{ context, kind, namespace: row.namespace ?? '', name: row.name, stay: true }}
              onDelete={setDeleting}
            />
          )
        : undefined,
    [context, kind],
  );
  const rows = useRowWindows(initial.context, kind, view, windows.split(',').map(Number), { view: initialView, page: initial });
  if (!descriptor) return null;
  const page = rows.first ?? initial;
  if (!page.served) {
    return (
      <EmptyState title={`${descriptor.title} are not served by this cluster`}>
        <p>
          The cluster has no CRD for {kind}. Install the Gateway API CRDs that include it (GRPCRoute needs Gateway API v1.1, ASM
          1.22 or later).
        </p>
      </EmptyState>
    );
  }
  return (
    <section aria-label={descriptor.title} aria-busy={rows.previous}>
      {rows.error ? (
        <p role="alert" className="inline-error">
          {rows.error.message}{' '}
          <button type="button" className="button-quiet" onClick={rows.refetch}>
            Retry
          </button>
        </p>
      ) : null}
      {pendingNote ? (
        <p role="status" className="inline-warning">
          {pendingNote}
        </p>
      ) : null}
      {deleting ? (
        <DeleteObjectDialog target={deleting} onClose={() => setDeleting(undefined)} onPending={setPendingNote} />
      ) : null}
      {page.stale ? (
        <p role="status" className="inline-warning">
          The watch of {kind} objects is reconnecting{page.error ? ` (${page.error})` : ''}: this list may be out of date.
        </p>
      ) : null}
      <ListFilters
        view={view}
        onChange={setView}
        namespaces={page.namespaces}
        total={page.total}
        matched={page.matched}
        namespaced={kind !== 'GatewayClass'}
      />
      {page.total === 0 ? (
        <EmptyState title={`No ${descriptor.title}`}>
          <p>{descriptor.emptyHint}</p>
        </EmptyState>
      ) : (
        <>
          <ResourceTable
            descriptor={descriptor}
            count={page.matched}
            rowAt={rows.rowAt}
            view={view}
            onSort={(id) => setView({ sort: id, dir: view.sort === id && view.dir === 'asc' ? 'desc' : 'asc' })}
            onVisible={onVisible}
            {...(rowActions ? { rowActions } : {})}
          />
          {page.matched === 0 ? <p className="muted table-note">No object matches the filters.</p> : null}
        </>
      )}
    </section>
  );
}
