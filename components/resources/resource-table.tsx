'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useMemo, useRef } from 'react';
import type { ListDescriptor } from '@/components/resources/column';
import { applyListView, type ListViewState } from '@/lib/model/list-view';
import type { K8sObject } from '@/lib/model/objects';

const rowHeight = 38;

/**
 * A virtualized, sortable table of objects: only the rows in view are in the DOM, so 10,000 routes
 * scroll as smoothly as 10. Keeps real table semantics for screen readers (aria-rowcount).
 */
export function ResourceTable({
  descriptor,
  items,
  view,
  onSort,
}: {
  descriptor: ListDescriptor;
  items: K8sObject[];
  view: ListViewState;
  onSort: (id: string) => void;
}) {
  const rows = useMemo(() => applyListView(items, descriptor.columns, view, descriptor.state), [items, descriptor, view]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's returned functions are not memoizable; the table re-renders with it by design.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const virtual = virtualizer.getVirtualItems();
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtual.at(-1)?.end ?? 0);
  const colSpan = descriptor.columns.length;
  return (
    <div ref={scroller} className="table-scroll">
      <table className="table resource-table" aria-label={descriptor.title} aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {descriptor.columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                aria-sort={view.sort === c.id ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => onSort(c.id)}>
                  {c.header}
                  <span aria-hidden="true">{view.sort === c.id ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: padTop, padding: 0 }} />
            </tr>
          ) : null}
          {virtual.map((v) => {
            const obj = rows[v.index]!;
            return (
              <tr
                key={`${obj.metadata.namespace}/${obj.metadata.name}`}
                aria-rowindex={v.index + 2}
                style={{ height: rowHeight }}
              >
                {descriptor.columns.map((c, i) => (
                  <td key={c.id}>
                    {i === 0 ? (
                      <Link href={descriptor.href(obj)}>{c.cell ? c.cell(obj) : c.text(obj)}</Link>
                    ) : c.cell ? (
                      c.cell(obj)
                    ) : (
                      c.text(obj)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={colSpan} style={{ height: padBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {rows.length === 0 && items.length > 0 ? <p className="muted table-note">No object matches the filters.</p> : null}
    </div>
  );
}
