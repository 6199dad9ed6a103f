/**
 * watch: a chunked stream of JSON lines `{"type":…,"object":…}`. Starts with synthetic ADDED
 * events for the current state (no resourceVersion, or "0"), or replays the change log after a
 * given resourceVersion (410 Expired as an ERROR event when the log no longer reaches back),
 * then follows live changes. BOOKMARKs when asked, as client-go's reflector expects.
 */
import type { ReqCtx } from '../context';
import { apiVersionOf } from '../registry';
import { combine, parseFieldSelector, parseLabelSelector, type Matcher } from '../selectors';
import { asApiError, badRequest, toStatus } from '../status-errors';
import type { ChangeEvent, EventType } from '../store';
import { toTable, wantsTable } from '../table';
import type { JsonObject } from '../types';
import { served } from '../write';

/**
 * Wire frames of live events, built once per event and type and written as the same bytes to
 * every watcher: fan-out to N watchers costs one serialization, not N.
 */
const frames = new WeakMap<ChangeEvent, Map<EventType, Buffer>>();

function sharedFrame(e: ChangeEvent, type: EventType): Buffer {
  let byType = frames.get(e);
  if (!byType) frames.set(e, (byType = new Map()));
  let f = byType.get(type);
  if (!f) byType.set(type, (f = Buffer.from(`{"type":"${type}","object":${e.json}}\n`)));
  return f;
}

/** True when the list request is a watch. */
export const isWatch = (q: URLSearchParams): boolean => ['1', 'true'].includes(q.get('watch') ?? '');

/** Maps a change to the event a watcher with this selector sees (undefined = not visible). */
function visibleType(e: ChangeEvent, match: Matcher | undefined): EventType | undefined {
  if (!match) return e.type;
  const now = match(e.obj);
  if (e.type !== 'MODIFIED') return now ? e.type : undefined;
  const before = e.prev ? match(e.prev) : now;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  if (before) return 'DELETED';
  return undefined;
}

/** Handles `?watch=1` on a collection (or on one object via fieldSelector). */
export function handleWatch(ctx: ReqCtx): void {
  const { store, watches } = ctx.state;
  const q = ctx.query;
  const match = combine(parseLabelSelector(q.get('labelSelector')), parseFieldSelector(q.get('fieldSelector')));
  const rvParam = q.get('resourceVersion') ?? '';
  const sinceRv = rvParam === '' || rvParam === '0' ? undefined : Number(rvParam);
  if (sinceRv !== undefined && !Number.isInteger(sinceRv)) throw badRequest(`invalid resource version: ${rvParam}`);
  const table = wantsTable(ctx.req.headers.accept);
  const av = apiVersionOf(ctx.def);
  const bookmarks = ['1', 'true'].includes(q.get('allowWatchBookmarks') ?? '');
  const initialEventsEnd = q.get('sendInitialEvents') === 'true';
  const { res } = ctx;
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  // Send the headers now: clients (client-node's Watch) wait for them before they consider the watch started.
  res.flushHeaders();
  let headersSent = false;

  const objectJson = (e: { obj: JsonObject; json: string }): string => {
    if (table) {
      const t = toTable(ctx.def, [served(ctx, e.obj)], {
        includeObject: q.get('includeObject'),
        noHeaders: headersSent,
        resourceVersion: String(e.obj.metadata && (e.obj.metadata as JsonObject).resourceVersion),
      });
      headersSent = true;
      return JSON.stringify(t);
    }
    return e.obj.apiVersion === av ? e.json : JSON.stringify(served(ctx, e.obj));
  };
  const send = (type: string, objJson: string): void => {
    res.write(`{"type":"${type}","object":${objJson}}\n`);
  };
  const bookmark = (extra: JsonObject = {}): void => {
    const metadata = { resourceVersion: String(store.resourceVersion), ...extra };
    send('BOOKMARK', JSON.stringify({ kind: ctx.def.kind, apiVersion: av, metadata }));
  };
  const inScope = (e: ChangeEvent): boolean => e.rkey === ctx.rkey && (ctx.namespace === undefined || e.ns === ctx.namespace);
  const deliver = (e: ChangeEvent): void => {
    if (!inScope(e)) return;
    const type = visibleType(e, match);
    if (!type) return;
    if (!table && e.obj.apiVersion === av) res.write(sharedFrame(e, type));
    else send(type, objectJson(e));
  };

  // Replay and subscription happen in one synchronous turn: no commit can slip in between.
  try {
    if (sinceRv === undefined) {
      for (const e of store.list(ctx.rkey, ctx.namespace)) if (!match || match(e.obj)) send('ADDED', objectJson(e));
      if (initialEventsEnd) bookmark({ annotations: { 'k8s.io/initial-events-end': 'true' } });
    } else {
      for (const e of store.changesSince(sinceRv, rvParam)) deliver(e);
    }
  } catch (err) {
    send('ERROR', JSON.stringify(toStatus(asApiError(err))));
    res.end();
    return;
  }
  const unsubscribe = store.subscribe(deliver);
  const timer = bookmarks ? setInterval(() => bookmark(), ctx.state.bookmarkIntervalMs) : undefined;
  const timeoutSec = Number(q.get('timeoutSeconds') ?? 0);
  const timeout = setTimeout(() => close(), (timeoutSec > 0 ? timeoutSec : 1800) * 1000);
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    if (timer) clearInterval(timer);
    clearTimeout(timeout);
    unregister();
    res.end();
  };
  const unregister = watches.add(close);
  ctx.req.on('close', close);
  res.on('error', close);
}
