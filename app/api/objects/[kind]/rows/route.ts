import { guardRoute } from '@/lib/auth/guard';
import { hasRowSpec, listRowPage, MAX_PAGE_ROWS } from '@/lib/k8s/list-rows';
import { describeError } from '@/lib/k8s/errors';
import { isKindName } from '@/lib/k8s/objects';
import { LIST_WINDOW_ROWS, readListView } from '@/lib/model/list-view';

export const dynamic = 'force-dynamic';

/** A whole number in [0, max], or undefined when absent; anything else is refused rather than guessed at. */
function count(raw: string | null, max: number): number | undefined | 'bad' {
  if (raw === null || raw === '') return undefined;
  return /^\d{1,9}$/.test(raw) && Number(raw) <= max ? Number(raw) : 'bad';
}

/**
 * One window of a kind's list rows, filtered and sorted on the server: `?q=&ns=&state=&sort=&dir=` as in the
 * list page's URL, `offset` and `limit` (at most 500) for the window, `context` for the cluster.
 */
export const GET = guardRoute(async (request: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const { kind } = await params;
  if (!isKindName(kind) || !hasRowSpec(kind))
    return Response.json({ message: `Portico has no list of ${kind} objects` }, { status: 404 });
  const url = new URL(request.url);
  const offset = count(url.searchParams.get('offset'), 1e9);
  const limit = count(url.searchParams.get('limit'), MAX_PAGE_ROWS);
  if (offset === 'bad' || limit === 'bad')
    return Response.json(
      {
        message: `offset must be a whole number and limit one from 0 to ${MAX_PAGE_ROWS}; got offset=${url.searchParams.get('offset')} limit=${url.searchParams.get('limit')}`,
      },
      { status: 400 },
    );
  const context = url.searchParams.get('context');
  try {
    const page = await listRowPage(kind, {
      ...(context ? { context } : {}),
      view: readListView(url.searchParams),
      offset: offset ?? 0,
      limit: limit ?? LIST_WINDOW_ROWS,
    });
    return Response.json(page);
  } catch (err) {
    return Response.json(
      { message: `Listing ${kind} objects failed: ${describeError(err)}. Check the cluster connection, then retry.` },
      { status: 502 },
    );
  }
});
