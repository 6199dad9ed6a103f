import 'server-only';
import type { KindName } from '@/lib/model/kinds';
import { rowSpecs, toListRow, type ListRow } from '@/lib/model/list-rows';
import { applyRowView, filterRows, listViewParams, rowHaystack, type ListViewState, type RowPage } from '@/lib/model/list-view';
import type { K8sObject } from '@/lib/model/objects';
import type { ClusterCache } from './cache/cluster-cache';
import { getClusterCache } from './cache/registry';
import { listState } from './objects';

/** Rows a page may ask for at once: a screenful is ~25, the table asks for windows of 100. */
export const MAX_PAGE_ROWS = 500;
/** Filtered/sorted views kept per kind (the views users switch between), recomputed when the kind changes. */
const VIEWS_KEPT = 8;

interface Projected {
  row: ListRow;
  haystack: string;
}
interface KindMemo {
  revision: number;
  rows: ListRow[];
  namespaces: string[];
  views: Map<string, ListRow[]>;
}

// Keyed by the cached object itself: the cache replaces an object on every change, so a row is projected once
// per version of its object, and a 10,000-route list re-projects only what changed.
const projected = new WeakMap<K8sObject, Projected>();
const haystacks = new WeakMap<ListRow, string>();
const memos = new WeakMap<ClusterCache, Map<KindName, KindMemo>>();

function project(kind: KindName, obj: K8sObject): ListRow {
  let p = projected.get(obj);
  if (!p) {
    const row = toListRow(rowSpecs[kind]!, obj);
    p = { row, haystack: rowHaystack(row) };
    projected.set(obj, p);
    haystacks.set(row, p.haystack);
  }
  return p.row;
}

function memoOf(cache: ClusterCache, kind: KindName): KindMemo {
  let byKind = memos.get(cache);
  if (!byKind) memos.set(cache, (byKind = new Map()));
  const revision = cache.revision(kind);
  let memo = byKind.get(kind);
  if (!memo || memo.revision !== revision) {
    const rows = cache.list(kind).map((o) => project(kind, o));
    const namespaces = [...new Set(rows.map((r) => r.namespace).filter((n): n is string => Boolean(n)))].sort();
    memo = { revision, rows, namespaces, views: new Map() };
    byKind.set(kind, memo);
  }
  return memo;
}

/**
 * The filtered, sorted rows of a view, kept while the kind is unchanged so scrolling pages is a slice. The
 * rows are sorted once per sort order and then filtered (filtering keeps the order), so a filter keystroke
 * on 10,000 rows costs one pass, not a sort.
 */
function viewRows(memo: KindMemo, kind: KindName, view: ListViewState): ListRow[] {
  const key = listViewParams(view).toString();
  let rows = memo.views.get(key);
  if (!rows) {
    const order = { q: '', namespace: '', state: '', sort: view.sort, dir: view.dir };
    const orderKey = listViewParams(order).toString();
    let sorted = memo.views.get(orderKey);
    if (!sorted) {
      sorted = applyRowView(
        memo.rows,
        order,
        rowSpecs[kind]!.columns.map((c) => c.id),
      );
      remember(memo, orderKey, sorted);
    }
    rows = key === orderKey ? sorted : filterRows(sorted, view, (r) => haystacks.get(r) ?? rowHaystack(r));
    remember(memo, key, rows);
  }
  return rows;
}

function remember(memo: KindMemo, key: string, rows: ListRow[]): void {
  if (memo.views.size >= VIEWS_KEPT) memo.views.delete(memo.views.keys().next().value!);
  memo.views.set(key, rows);
}

/** Whether the console lists this kind as rows (the Gateway API kinds with a list page). */
export function hasRowSpec(kind: KindName): boolean {
  return Boolean(rowSpecs[kind]);
}

/**
 * One window of a kind's rows from the live cache, filtered and sorted as the view says: the browser gets
 * the rows it shows, not the whole kind (a 10,000-route list is a few kilobytes per window).
 */
export async function listRowPage(
  kind: KindName,
  opts: { context?: string; view: ListViewState; offset: number; limit: number },
): Promise<RowPage> {
  const cache = await getClusterCache(opts.context);
  const memo = memoOf(cache, kind);
  const rows = viewRows(memo, kind, opts.view);
  const limit = Math.max(0, Math.min(MAX_PAGE_ROWS, Math.floor(opts.limit)));
  const offset = Math.max(0, Math.min(Math.floor(opts.offset), rows.length));
  return {
    ...listState(cache, kind),
    total: memo.rows.length,
    matched: rows.length,
    offset,
    rows: rows.slice(offset, offset + limit),
    namespaces: memo.namespaces,
  };
}
