/**
 * delete and deletecollection. Deletion is immediate (no finalizers, no graceful period);
 * deleting a Namespace removes its contents and deleting a CRD removes its objects, in the same
 * transaction, as the namespace and CRD controllers eventually would.
 */
import type { ReqCtx } from '../context';
import { decodeBody, sendJson } from '../http-io';
import { isObject, metaOf } from '../json-utils';
import { apiVersionOf, CRD_RKEY, NAMESPACE_RKEY, rkeyOf } from '../registry';
import { conflict, notFound } from '../status-errors';
import type { Entry, Write } from '../store';
import type { Json, JsonObject } from '../types';
import { isDryRun, served } from '../write';
import { selectEntries } from './read';

function deleteOptions(body: Buffer, ctx: ReqCtx): JsonObject {
  if (body.length === 0 || body.toString().trim() === '') return {};
  const v: Json = decodeBody(body, ctx.req.headers['content-type']);
  return isObject(v) ? v : {};
}

/** Writes that also remove what the object owns (namespace contents, a CRD's objects). */
function cascade(ctx: ReqCtx, e: Entry): Write[] {
  const meta = metaOf(e.obj);
  const store = ctx.state.store;
  if (ctx.rkey === NAMESPACE_RKEY) {
    const ns = String(meta.name);
    const rkeys = new Set(
      ctx.state.registry
        .all()
        .filter((d) => d.namespaced)
        .map(rkeyOf),
    );
    return [...rkeys].flatMap((rk) =>
      store.list(rk, ns).map((x) => ({ op: 'delete' as const, rkey: rk, ns, name: String(metaOf(x.obj).name) })),
    );
  }
  if (ctx.rkey === CRD_RKEY && isObject(e.obj.spec)) {
    const spec = e.obj.spec;
    const plural = isObject(spec.names) ? String(spec.names.plural) : '';
    const rk = `${String(spec.group)}/${plural}`;
    return store.list(rk).map((x) => ({
      op: 'delete' as const,
      rkey: rk,
      ns: String(metaOf(x.obj).namespace ?? ''),
      name: String(metaOf(x.obj).name),
    }));
  }
  return [];
}

function commitDelete(ctx: ReqCtx, entries: Entry[], dryRun: boolean): JsonObject[] {
  const writes: Write[] = [];
  for (const e of entries) {
    writes.push(...cascade(ctx, e));
    const m = metaOf(e.obj);
    writes.push({ op: 'delete', rkey: ctx.rkey, ns: String(m.namespace ?? ''), name: String(m.name) });
  }
  if (dryRun) return entries.map((e) => served(ctx, e.obj));
  const events = ctx.state.store.commit(writes);
  if (ctx.rkey === CRD_RKEY) ctx.state.registry.refresh();
  return events.filter((ev) => ev.rkey === ctx.rkey).map((ev) => served(ctx, ev.obj));
}

/** DELETE of one object, honouring DeleteOptions preconditions and dryRun. */
export function handleDelete(ctx: ReqCtx, body: Buffer): void {
  const opts = deleteOptions(body, ctx);
  const e = ctx.state.store.get(ctx.rkey, ctx.namespace ?? '', ctx.name ?? '');
  if (!e) throw notFound(ctx.def, ctx.name ?? '');
  const pre = isObject(opts.preconditions) ? opts.preconditions : {};
  const meta = metaOf(e.obj);
  if (pre.uid !== undefined && pre.uid !== meta.uid) {
    throw conflict(
      ctx.def,
      ctx.name ?? '',
      `Precondition failed: UID in precondition: ${String(pre.uid)}, UID in object meta: ${String(meta.uid)}`,
    );
  }
  if (pre.resourceVersion !== undefined && pre.resourceVersion !== meta.resourceVersion) {
    throw conflict(
      ctx.def,
      ctx.name ?? '',
      `Precondition failed: ResourceVersion in precondition: ${String(pre.resourceVersion)}, ResourceVersion in object meta: ${String(meta.resourceVersion)}`,
    );
  }
  const [deleted] = commitDelete(ctx, [e], isDryRun(ctx, opts.dryRun));
  sendJson(ctx.req, ctx.res, 200, deleted ?? served(ctx, e.obj));
}

/** DELETE of a collection (selectors apply). Returns the deleted objects as a list. */
export function handleDeleteCollection(ctx: ReqCtx, body: Buffer): void {
  const opts = deleteOptions(body, ctx);
  const { items } = selectEntries(ctx);
  const deleted = commitDelete(ctx, items, isDryRun(ctx, opts.dryRun));
  sendJson(ctx.req, ctx.res, 200, {
    kind: ctx.def.listKind,
    apiVersion: apiVersionOf(ctx.def),
    metadata: { resourceVersion: String(ctx.state.store.resourceVersion) },
    items: deleted,
  });
}
