/**
 * create (POST on a collection) and update (PUT on an object or its status).
 */
import type { ReqCtx } from '../context';
import { decodeObject, sendJson } from '../http-io';
import { apiVersionOf, CRD_RKEY } from '../registry';
import { badRequest, notFound } from '../status-errors';
import type { JsonObject } from '../types';
import { createObject, isDryRun, served, updateObject } from '../write';

/** Refuses a body whose apiVersion/kind do not match the URL (400, like the real server). */
export function checkTypeMeta(ctx: ReqCtx, obj: JsonObject): void {
  const expected = apiVersionOf(ctx.def);
  if (obj.apiVersion !== undefined && obj.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${expected})`,
    );
  }
  if (obj.kind !== undefined && obj.kind !== ctx.def.kind) {
    throw badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${ctx.def.kind})`);
  }
}

/** POST: create. */
export function handleCreate(ctx: ReqCtx, body: Buffer): void {
  const obj = decodeObject(body, ctx.req.headers['content-type']);
  checkTypeMeta(ctx, obj);
  const created = createObject(ctx, obj, isDryRun(ctx), 'record');
  sendJson(ctx.req, ctx.res, 201, created, ctx.warnings);
}

/** PUT: update (custom resources and CRDs must carry metadata.resourceVersion). */
export function handleUpdate(ctx: ReqCtx, body: Buffer): void {
  const obj = decodeObject(body, ctx.req.headers['content-type']);
  checkTypeMeta(ctx, obj);
  const old = ctx.state.store.get(ctx.rkey, ctx.namespace ?? '', ctx.name ?? '');
  if (!old) throw notFound(ctx.def, ctx.name ?? '');
  const updated = updateObject(ctx, served(ctx, old.obj), obj, {
    dryRun: isDryRun(ctx),
    managed: 'record',
    requireResourceVersion: ctx.def.custom || ctx.rkey === CRD_RKEY,
  });
  sendJson(ctx.req, ctx.res, 200, updated, ctx.warnings);
}
