/**
 * get and list: served from the in-memory index. Lists are assembled from each object's cached
 * JSON bytes, so a list of thousands of objects costs one Buffer.concat: no re-serialization,
 * and no multi-megabyte string to build and encode again.
 */
import type { ReqCtx } from '../context';
import { sendJson } from '../http-io';
import { jsonBytesOf } from '../json-cache';
import { apiVersionOf } from '../registry';
import { combine, parseFieldSelector, parseLabelSelector } from '../selectors';
import { badRequest, notFound } from '../status-errors';
import type { Entry } from '../store';
import { toTable, wantsTable } from '../table';
import type { JsonObject } from '../types';
import { served } from '../write';

/** GET of one object (or its status subresource, which is the same object). */
export function handleGet(ctx: ReqCtx): void {
  const e = ctx.state.store.get(ctx.rkey, ctx.namespace ?? '', ctx.name ?? '');
  if (!e) throw notFound(ctx.def, ctx.name ?? '');
  const obj = served(ctx, e.obj);
  if (wantsTable(ctx.req.headers.accept)) {
    sendJson(
      ctx.req,
      ctx.res,
      200,
      toTable(ctx.def, [obj], { includeObject: ctx.query.get('includeObject'), resourceVersion: String(e.rv) }),
    );
    return;
  }
  sendJson(ctx.req, ctx.res, 200, obj === e.obj ? e.json : obj);
}

interface ContinueToken {
  rv: number;
  start: string;
}

function decodeContinue(raw: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { rv?: unknown; start?: unknown };
    if (typeof t.rv === 'number' && typeof t.start === 'string') return { rv: t.rv, start: t.start };
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

const encodeContinue = (t: ContinueToken): string =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', ...t })).toString('base64url');

/** Selected entries of one list page, with the paging state. */
export interface ListPage {
  items: Entry[];
  rv: number;
  continueToken?: string;
  remaining?: number;
}

/** Selects the entries of a list request (selectors, limit, continue). */
export function selectEntries(ctx: ReqCtx): ListPage {
  const match = combine(parseLabelSelector(ctx.query.get('labelSelector')), parseFieldSelector(ctx.query.get('fieldSelector')));
  const limit = Number(ctx.query.get('limit') ?? 0);
  const cont = ctx.query.get('continue');
  const token = cont ? decodeContinue(cont) : undefined;
  const rv = token?.rv ?? ctx.state.store.resourceVersion;
  // Entries are sorted by "ns/name": a continued list starts after the previous page's last key.
  const all = ctx.state.store.list(ctx.rkey, ctx.namespace, token?.start);
  const items: Entry[] = [];
  let lastKey = '';
  for (let i = 0; i < all.length; i++) {
    const e = all[i] as Entry;
    if (match && !match(e.obj)) continue;
    if (limit > 0 && items.length >= limit) {
      const remaining = match ? all.slice(i).filter((x) => match(x.obj)).length : all.length - i;
      return { items, rv, continueToken: encodeContinue({ rv, start: lastKey }), remaining };
    }
    items.push(e);
    lastKey = keyOf(e);
  }
  return { items, rv };
}

const keyOf = (e: Entry): string => {
  const m = e.obj.metadata as JsonObject;
  return `${String(m.namespace ?? '')}/${String(m.name)}`;
};

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/** GET of a collection. */
export function handleList(ctx: ReqCtx): void {
  const page = selectEntries(ctx);
  if (wantsTable(ctx.req.headers.accept)) {
    const objs = page.items.map((e) => served(ctx, e.obj));
    const table = toTable(ctx.def, objs, {
      includeObject: ctx.query.get('includeObject'),
      resourceVersion: String(page.rv),
      continueToken: page.continueToken,
    });
    sendJson(ctx.req, ctx.res, 200, table);
    return;
  }
  const av = apiVersionOf(ctx.def);
  const meta: JsonObject = { resourceVersion: String(page.rv) };
  if (page.continueToken) {
    meta.continue = page.continueToken;
    if (page.remaining !== undefined) meta.remainingItemCount = page.remaining;
  }
  const head = `{"kind":${JSON.stringify(ctx.def.listKind)},"apiVersion":${JSON.stringify(av)},"metadata":${JSON.stringify(meta)},"items":[`;
  const parts: Buffer[] = [Buffer.from(head)];
  page.items.forEach((e, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(e.obj.apiVersion === av ? jsonBytesOf(e.obj) : Buffer.from(JSON.stringify(served(ctx, e.obj))));
  });
  parts.push(CLOSE);
  sendJson(ctx.req, ctx.res, 200, Buffer.concat(parts));
}
