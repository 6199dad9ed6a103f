'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { listDescriptors } from '@/components/gateway-api/list-descriptors';
import { EmptyState } from '@/components/ui/empty-state';
import { deletableKinds, type DeletableKind } from '@/lib/model/delete';
import { kinds, type KindName } from '@/lib/model/kinds';
import type { ListRow } from '@/lib/model/list-rows';
import type { RowPage } from '@/lib/model/list-view';
import { useAccessByNamespace } from '@/lib/queries/use-permissions';
import { useRowWindows } from '@/lib/queries/use-row-windows';
import { realClock } from '@/lib/queries/clock';
import { RowDeleteButton } from './delete-object-button';
import { DeleteObjectDialog, type DeleteTarget } from './delete-object-dialog';
import { ListFilters } from './list-filters';
import { ResourceTable } from './resource-table';
import { useListView } from './use-list-view';
import { WindowGate } from './window-gate';

function isDeletable(kind: KindName): kind is DeletableKind {
  return (deletableKinds as readonly string[]).includes(kind);
}

/**
 * A live list of one kind: filters, the table, and its loading, empty, stale and error states. The server
 * filters, sorts and pages; the table asks for the windows of rows it scrolls to.
 */
export function ResourceList({ kind, initial, initialView }: { kind: KindName; initial: RowPage; initialView: string }) {
  const descriptor = listDescriptors[kind];
  const [view, setView] = useListView();
  const [windows, setWindows] = useState('0');
  // While a flick goes on, rows are drawn light (their name only): they pass too fast to read, and a full row
  // per new row each frame is what made a fast scroll drop frames.
  const [flicking, setFlicking] = useState(false);
  const [gate] = useState(() => new WindowGate(setWindows, realClock, setFlicking));
  useEffect(() => () => gate.dispose(), [gate]);
  const onVisible = useCallback((first: number, last: number) => gate.visible(first, last), [gate]);
  const context = initial.context;
  const [deleting, setDeleting] = useState<DeleteTarget | undefined>(undefined);
  const [pendingNote, setPendingNote] = useState<string | undefined>(undefined);
  const rows = useRowWindows(context, kind, view, windows.split(',').map(Number), { view: initialView, page: initial });
  const spec = kinds[kind];
  const accessOf = useAccessByNamespace(context, isDeletable(kind) ? rows.namespaces : [], 'delete', spec.plural, spec.group);
  // Stable until a permission answer changes, so memoized rows do not re-render when the list does.
  const rowActions = useMemo(
    () =>
      isDeletable(kind)
        ? (row: ListRow) => (
            <RowDeleteButton
              target={{ context, kind, namespace: row.namespace ?? '', name: row.name, stay: true }}
              access={accessOf(row.namespace ?? '')}
              onDelete={setDeleting}
            />
          )
        : undefined,
    [context, kind, accessOf],
  );
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
            light={flicking}
            {...(rowActions ? { rowActions } : {})}
          />
          {page.matched === 0 ? <p className="muted table-note">No object matches the filters.</p> : null}
        </>
      )}
    </section>
  );
}
