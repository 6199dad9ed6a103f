/**
 * Filtering, sorting and paging of a resource list's rows, from the view state kept in the URL. Pure, so
 * the console server (which filters and pages large lists) and the tests share the same rules.
 */
import type { ListRow } from './list-rows';
import type { ListState } from './lists';

/** Rows per window the list asks for: four screenfuls, so a fast scroll needs a request every few hundred pixels. */
export const LIST_WINDOW_ROWS = 100;

export interface ListViewState {
  q: string;
  namespace: string;
  state: string;
  sort: string;
  dir: 'asc' | 'desc';
}

/** Reads the view state from URL search params, with defaults for anything missing or invalid. */
export function readListView(params: { get(name: string): string | null }): ListViewState {
  return {
    q: params.get('q') ?? '',
    namespace: params.get('ns') ?? '',
    state: params.get('state') ?? '',
    sort: params.get('sort') ?? 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The URL search params of a view (only what differs from the defaults), the inverse of {@link readListView}. */
export function listViewParams(view: ListViewState): URLSearchParams {
  const out = new URLSearchParams();
  if (view.q) out.set('q', view.q);
  if (view.namespace) out.set('ns', view.namespace);
  if (view.state) out.set('state', view.state);
  if (view.sort !== 'name') out.set('sort', view.sort);
  if (view.dir === 'desc') out.set('dir', 'desc');
  return out;
}

/** Lower-cased text of every cell, which the text filter searches (computed once per row by the caller). */
export function rowHaystack(row: ListRow): string {
  return Object.values(row.cells).join(' ').toLowerCase();
}

/**
 * A sort key that orders as people read names: case-insensitive, and numbers by value (`route-9` before
 * `route-10`), by padding every run of digits. Plain string comparison of these keys is several times faster than a
 * locale collator, which matters when a changing 10,000-row kind is re-sorted for every watch burst.
 */
export function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (d) => d.padStart(12, '0'));
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the rows that pass the namespace, state and text filters (every word in some column), in their order. */
export function filterRows(
  rows: readonly ListRow[],
  view: ListViewState,
  haystackOf: (row: ListRow) => string = rowHaystack,
): ListRow[] {
  const words = view.q.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (view.namespace && r.namespace !== view.namespace) return false;
    if (view.state && r.state !== view.state) return false;
    if (words.length === 0) return true;
    const haystack = haystackOf(r);
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * Applies the filters ({@link filterRows}), then sorts by the view's column (unknown: the first column),
 * ties by namespace then name.
 */
export function applyRowView(
  rows: readonly ListRow[],
  view: ListViewState,
  columnIds: readonly string[],
  haystackOf: (row: ListRow) => string = rowHaystack,
): ListRow[] {
  const filtered = filterRows(rows, view, haystackOf);
  const id = columnIds.includes(view.sort) ? view.sort : columnIds[0];
  if (!id) return filtered;
  const sign = view.dir === 'desc' ? -1 : 1;
  const numeric = filtered.some((r) => id in r.sort);
  // Keys computed once per row, not once per comparison.
  const keyed = filtered.map((row) => ({
    row,
    value: numeric ? (row.sort[id] ?? 0) : naturalKey(row.cells[id] ?? ''),
    tie: naturalKey(row.key),
  }));
  keyed.sort(
    (a, b) =>
      (numeric ? (a.value as number) - (b.value as number) : byKey(a.value as string, b.value as string)) * sign ||
      byKey(a.tie, b.tie),
  );
  return keyed.map((k) => k.row);
}

/** One window of a kind's filtered, sorted rows, as the console server answers it. */
export interface RowPage extends ListState {
  /** Objects of the kind, before filtering. */
  total: number;
  /** Rows that pass the filters: the length of the whole (virtual) table. */
  matched: number;
  /** Index of `rows[0]` among the matched rows. */
  offset: number;
  rows: ListRow[];
  /** Namespaces that have objects of the kind, for the namespace filter. */
  namespaces: string[];
}
