import 'server-only';
import type { KindName } from '@/lib/model/kinds';
import { LIST_WINDOW_ROWS, listViewParams, readListView, type RowPage } from '@/lib/model/list-view';
import { describeError } from './errors';
import { listRowPage } from './list-rows';

/**
 * The first window of a list page's rows for the view in its URL: a failure becomes a message the page
 * shows, not a crash.
 */
export async function rowsForPage(
  kind: KindName,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<FirstRows> {
  const view = readListView({ get: (name) => (typeof searchParams[name] === 'string' ? searchParams[name] : null) });
  const key = listViewParams(view).toString();
  try {
    return { view: key, list: await listRowPage(kind, { view, offset: 0, limit: LIST_WINDOW_ROWS }) };
  } catch (err) {
    return { view: key, list: { error: `Listing ${kind} objects failed: ${describeError(err)}` } };
  }
}

/** A list page's first window, or why it failed, with the view (URL params) it was computed for. */
export interface FirstRows {
  view: string;
  list: RowPage | { error: string };
}
