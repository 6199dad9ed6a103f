'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { memo, useEffect, useRef, type ReactNode } from 'react';
import type { ListDescriptor } from '@/components/resources/column';
import type { ListRow } from '@/lib/model/list-rows';
import type { ListViewState } from '@/lib/model/list-view';

const rowHeight = 38;
/** Rows rendered on the server before the browser knows the viewport: more than a tall screen shows. */
const ssrRows = 30;

/**
 * A virtualized, sortable table of rows: only the rows in view are in the DOM (and only those are fetched,
 * see useRowWindows), so 10,000 routes scroll as smoothly as 10. Keeps real table semantics for screen
 * readers (aria-rowcount, aria-rowindex); a row not loaded yet is a placeholder with aria-busy.
 */
export function ResourceTable({
  descriptor,
  count,
  rowAt,
  view,
  onSort,
  onVisible,
  rowActions,
}: {
  descriptor: ListDescriptor;
  count: number;
  rowAt: (index: number) => ListRow | undefined;
  view: ListViewState;
  onSort: (id: string) => void;
  /** First and last row index in view (overscan included), for fetching their windows. */
  onVisible: (first: number, last: number) => void;
  /** Controls at the end of each row (e.g. delete). */
  rowActions?: (row: ListRow) => ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = descriptor.spec.columns;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's returned functions are not memoizable; the table re-renders with it by design.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // The server renders the first screenful, so rows paint before hydration.
    initialRect: { width: 1200, height: ssrRows * rowHeight },
  });
  const virtual = virtualizer.getVirtualItems();
  const first = virtual[0]?.index ?? 0;
  const last = virtual.at(-1)?.index ?? 0;
  useEffect(() => onVisible(first, last), [first, last, onVisible]);
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtual.at(-1)?.end ?? 0);
  const colSpan = columns.length + (rowActions ? 1 : 0);
  return (
    <div ref={scroller} className="table-scroll">
      <table className="table resource-table" aria-label={descriptor.title} aria-rowcount={count + 1}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                {...(descriptor.widths?.[c.id] ? { style: { width: descriptor.widths[c.id] } } : {})}
                aria-sort={view.sort === c.id ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => onSort(c.id)}>
                  {c.header}
                  <span aria-hidden="true">{view.sort === c.id ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
            {rowActions ? (
              <th scope="col" style={{ width: '6.5rem' }}>
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: padTop, padding: 0 }} />
            </tr>
          ) : null}
          {virtual.map((v) => {
            const row = rowAt(v.index);
            if (!row)
              return (
                <tr key={`loading-${v.index}`} aria-rowindex={v.index + 2} aria-busy="true" style={{ height: rowHeight }}>
                  <td className="muted">Loading…</td>
                  {/* One cell per column, so a placeholder has the shape of the row that replaces it. */}
                  <td colSpan={colSpan - 1} />
                </tr>
              );
            return (
              <TableRow key={row.key} row={row} index={v.index} descriptor={descriptor} {...(rowActions ? { rowActions } : {})} />
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: padBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One row, memoized on its row object: scrolling moves a screenful per frame, and only the rows that came into
 * view render (a window refetched with unchanged rows keeps their objects, so nothing re-renders either).
 */
const TableRow = memo(function TableRow({
  row,
  index,
  descriptor,
  rowActions,
}: {
  row: ListRow;
  index: number;
  descriptor: ListDescriptor;
  rowActions?: (row: ListRow) => ReactNode;
}) {
  return (
    <tr aria-rowindex={index + 2} style={{ height: rowHeight }}>
      {descriptor.spec.columns.map((c, i) => {
        const content = descriptor.cells?.[c.id]?.(row) ?? row.cells[c.id];
        return (
          // The whole text on hover where a narrow column cuts it short.
          <td key={c.id} {...(descriptor.cells?.[c.id] ? {} : { title: row.cells[c.id] })}>
            {i === 0 ? (
              // No prefetch: scrolling 10,000 rows would fetch every detail page it passes.
              <Link href={row.href} prefetch={false}>
                {content}
              </Link>
            ) : (
              content
            )}
          </td>
        );
      })}
      {rowActions ? <td className="row-actions">{rowActions(row)}</td> : null}
    </tr>
  );
});
