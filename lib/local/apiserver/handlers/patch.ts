/**
 * patch: JSON merge patch, JSON patch, strategic merge patch (built-in kinds only, as on a real
 * server) and server-side apply (`application/apply-patch+yaml`, which may create).
 */
import type { ReqCtx } from '../context';
import { decodeBody, mediaType, sendJson } from '../http-io';
import { nowTimestamp } from '../metadata';
import { applyJsonMergePatch, applyJsonPatch, applyStrategicMergePatch, serverSideApply } from '../modules';
import { badRequest, notFound } from '../status-errors';
import { ApiError, type Json, type JsonObject } from '../types';
import { createObject, isDryRun, served, updateObject } from '../write';
import { checkTypeMeta } from './create-update';

const MERGE = 'application/merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';
const STRATEGIC = 'application/strategic-merge-patch+json';
const APPLY = 'application/apply-patch+yaml';

function unsupported(custom: boolean): ApiError {
  const types = custom ? [JSON_PATCH, MERGE, APPLY] : [JSON_PATCH, MERGE, STRATEGIC, APPLY];
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${types.join(', ')}`,
  );
}

function asObject(v: Json): JsonObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest('the patch must be an object');
  return v;
}

/** PATCH on an object or its status. */
export function handlePatch(ctx: ReqCtx, body: Buffer): void {
  const type = mediaType(ctx.req.headers['content-type']);
  if (![MERGE, JSON_PATCH, STRATEGIC, APPLY].includes(type) || (type === STRATEGIC && ctx.def.custom))
    throw unsupported(ctx.def.custom);
  const patch = decodeBody(body, type);
  const dryRun = isDryRun(ctx);
  const existing = ctx.state.store.get(ctx.rkey, ctx.namespace ?? '', ctx.name ?? '');
  const live = existing ? served(ctx, existing.obj) : undefined;
  if (type === APPLY) {
    applyPatch(ctx, live, asObject(patch), dryRun);
    return;
  }
  if (!live) throw notFound(ctx.def, ctx.name ?? '');
  const patched =
    type === MERGE
      ? applyJsonMergePatch(live, patch)
      : type === JSON_PATCH
        ? applyJsonPatch(live, patch)
        : applyStrategicMergePatch(live, patch, ctx.def);
  checkTypeMeta(ctx, patched);
  const updated = updateObject(ctx, live, patched, { dryRun, managed: 'record', requireResourceVersion: false });
  sendJson(ctx.req, ctx.res, 200, updated, ctx.warnings);
}

function applyPatch(ctx: ReqCtx, live: JsonObject | undefined, applied: JsonObject, dryRun: boolean): void {
  const manager = ctx.query.get('fieldManager');
  if (!manager)
    throw badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  checkTypeMeta(ctx, applied);
  const meta = (applied.metadata ?? {}) as JsonObject;
  if (meta.name !== undefined && meta.name !== ctx.name) {
    throw badRequest(`the name of the object (${String(meta.name)}) does not match the name on the URL (${String(ctx.name)})`);
  }
  const force = ['1', 'true'].includes(ctx.query.get('force') ?? '');
  const withName: JsonObject = { ...applied, metadata: { ...meta, name: ctx.name ?? '' } };
  const validator = ctx.state.registry.validator(ctx.def);
  const merged = serverSideApply({
    live,
    applied: withName,
    manager,
    force,
    def: ctx.def,
    time: nowTimestamp(),
    ...(validator ? { defaults: (o: JsonObject) => validator.withDefaults(o) } : {}),
  });
  if (!live) {
    const created = createObject(ctx, merged, dryRun, 'precomputed');
    sendJson(ctx.req, ctx.res, 201, created, ctx.warnings);
    return;
  }
  const updated = updateObject(ctx, live, merged, { dryRun, managed: 'precomputed', requireResourceVersion: false });
  sendJson(ctx.req, ctx.res, 200, updated, ctx.warnings);
}
