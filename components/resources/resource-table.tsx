'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRouter } from 'next/navigation';
import { memo, useEffect, useRef, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import type { ListDescriptor } from '@/components/resources/column';
import type { ListRow } from '@/lib/model/list-rows';
import type { ListViewState } from '@/lib/model/list-view';

const rowHeight = 38;
/** Rows rendered on the server before the browser knows the viewport: more than a tall screen shows. */
const ssrRows = 30;

/**
 * A virtualized, sortable table of rows: only the rows in view are in the DOM (and only those are fetched,
 * see useRowWindows), so 10,000 routes scroll as smoothly as 10. Table semantics for screen readers come from
 * ARIA roles (table, row, columnheader with aria-sort, cell, aria-rowcount, aria-rowindex); a row not loaded yet
 * is a placeholder with aria-busy.
 */
export function ResourceTable({
  descriptor,
  count,
  rowAt,
  view,
  onSort,
  onVisible,
  light = false,
  rowActions,
}: {
  descriptor: ListDescriptor;
  count: number;
  rowAt: (index: number) => ListRow | undefined;
  view: ListViewState;
  onSort: (id: string) => void;
  /** First and last row index in view (overscan included), for fetching their windows. */
  onVisible: (first: number, last: number) => void;
  /** Draw rows light (the first column only) while the list flicks past them. */
  light?: boolean;
  /** Controls at the end of each row (e.g. delete). */
  rowActions?: (row: ListRow) => ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const columns = descriptor.spec.columns;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's returned functions are not memoizable; the table re-renders with it by design.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    // Few rows beyond the screen: the table lays out and paints every row it holds on each frame of a scroll.
    overscan: 4,
    // The server renders the first screenful, so rows paint before hydration.
    initialRect: { width: 1200, height: ssrRows * rowHeight },
  });
  const virtual = virtualizer.getVirtualItems();
  const first = virtual[0]?.index ?? 0;
  const last = virtual.at(-1)?.index ?? 0;
  useEffect(() => onVisible(first, last), [first, last, onVisible]);
  const template = [...columns.map((c) => descriptor.widths?.[c.id] ?? 'minmax(0, 1fr)'), ...(rowActions ? ['6.5rem'] : [])].join(
    ' ',
  );
  return (
    <div ref={scroller} className="table-scroll">
      {/* ARIA table of positioned rows, not <table>: a table lays out and repaints every row whenever one is added, and
          a scroll adds a few rows per frame; here each row is contained, so only the rows coming into view cost work. */}
      <div
        role="table"
        className="resource-table"
        aria-label={descriptor.title}
        aria-rowcount={count + 1}
        style={{ '--columns': template } as CSSProperties}
      >
        <div role="rowgroup" className="resource-table-head">
          <div role="row" aria-rowindex={1} className="resource-table-row">
            {columns.map((c) => (
              <div
                key={c.id}
                role="columnheader"
                aria-sort={view.sort === c.id ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => onSort(c.id)}>
                  {c.header}
                  <span aria-hidden="true">{view.sort === c.id ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </div>
            ))}
            {rowActions ? (
              <div role="columnheader">
                <span className="visually-hidden">Actions</span>
              </div>
            ) : null}
          </div>
        </div>
        <div
          role="rowgroup"
          className="resource-table-body"
          style={{ height: virtualizer.getTotalSize() }}
          onClick={(e) => followLink(e, router.push)}
        >
          {virtual.map((v) => {
            const row = rowAt(v.index);
            if (!row)
              return (
                <div
                  key={`loading-${v.index}`}
                  role="row"
                  aria-rowindex={v.index + 2}
                  aria-busy="true"
                  className="resource-table-row"
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  <div role="cell" className="muted">
                    Loading…
                  </div>
                </div>
              );
            return (
              <TableRow
                key={row.key}
                row={row}
                index={v.index}
                top={v.start}
                light={light}
                descriptor={descriptor}
                {...(rowActions ? { rowActions } : {})}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * Client-side navigation for the rows' links, one handler for the table: a next/link per row costs a router
 * registration on every mount, and scrolling mounts a screenful of rows per frame. A click the browser should
 * handle itself (new tab, another origin, a modifier key) is left alone.
 */
function followLink(e: MouseEvent<HTMLElement>, push: (href: string) => void): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = e.target instanceof Element ? e.target.closest('a') : null;
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== window.location.origin) return;
  e.preventDefault();
  push(`${url.pathname}${url.search}${url.hash}`);
}

/**
 * One row, memoized on its row object: scrolling moves a screenful per frame, and only the rows that came into
 * view render (a window refetched with unchanged rows keeps their objects, so nothing re-renders either).
 */
const TableRow = memo(function TableRow({
  row,
  index,
  top,
  light,
  descriptor,
  rowActions,
}: {
  row: ListRow;
  index: number;
  top: number;
  light: boolean;
  descriptor: ListDescriptor;
  rowActions?: (row: ListRow) => ReactNode;
}) {
  const style = { transform: `translateY(${top}px)` };
  if (light)
    return (
      <div role="row" aria-rowindex={index + 2} className="resource-table-row" style={style}>
        <div role="cell">{row.name}</div>
      </div>
    );
  return (
    <div role="row" aria-rowindex={index + 2} className="resource-table-row" style={style}>
      {descriptor.spec.columns.map((c, i) => {
        const content = descriptor.cells?.[c.id]?.(row) ?? row.cells[c.id];
        return (
          // The whole text on hover where a narrow column cuts it short.
          <div key={c.id} role="cell" {...(descriptor.cells?.[c.id] ? {} : { title: row.cells[c.id] })}>
            {i === 0 ? (
              // A plain link (the table navigates in the app, see followLink): no per-row router work while scrolling.
              <a href={row.href}>{content}</a>
            ) : (
              content
            )}
          </div>
        );
      })}
      {rowActions ? (
        <div role="cell" className="row-actions">
          {rowActions(row)}
        </div>
      ) : null}
    </div>
  );
});
