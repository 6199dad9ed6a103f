/**
 * The write pipeline shared by create, update, patch and apply: system fields, status
 * subresource rules, generation, schema validation/defaulting, kind hooks, managedFields,
 * then one transactional commit (or nothing, for dryRun=All or a no-op).
 */
import { randomUUID } from 'node:crypto';
import type { ReqCtx } from './context';
import { applyKindHooks } from './hooks';
import { deepEqual, isObject, metaOf, omit } from './json-utils';
import { generateNameSuffix as generateSuffix, nowTimestamp, validateMeta } from './metadata';
import { recordUpdate, strictDecodingMessage } from './modules';
import { apiVersionOf, CRD_RKEY, NAMESPACE_RKEY, rkeyOf } from './registry';
import { badRequest, conflict, invalid, namespaceNotFound } from './status-errors';
import type { Write } from './store';
import { ApiError, type FieldCause, type JsonObject } from './types';

/** How `managedFields` is handled: recorded here (plain writes) or already computed (apply). */
export type ManagedMode = 'record' | 'precomputed';

/** The object as served at the request's version (only apiVersion differs between versions). */
export function served(ctx: ReqCtx, obj: JsonObject): JsonObject {
  const av = apiVersionOf(ctx.def);
  return obj.apiVersion === av ? obj : { ...obj, apiVersion: av };
}

function storageForm(ctx: ReqCtx, obj: JsonObject): JsonObject {
  const sdef = ctx.state.registry.storageDef(ctx.rkey) ?? ctx.def;
  return { ...obj, apiVersion: apiVersionOf(sdef), kind: ctx.def.kind };
}

/** `fieldValidation` from the query (kube-apiserver's default is Warn). */
export function fieldValidation(ctx: ReqCtx): 'Strict' | 'Warn' | 'Ignore' {
  const v = ctx.query.get('fieldValidation') ?? 'Warn';
  if (v !== 'Strict' && v !== 'Warn' && v !== 'Ignore') {
    throw badRequest(`fieldValidation parameter unsupported: ${v}; valid values are Ignore, Warn, Strict`);
  }
  return v;
}

/** True for `dryRun=All` (any other value is a 400, as on a real server). */
export function isDryRun(ctx: ReqCtx, bodyDryRun?: unknown): boolean {
  const vals = [...ctx.query.getAll('dryRun'), ...(Array.isArray(bodyDryRun) ? bodyDryRun.map(String) : [])];
  for (const v of vals) if (v !== 'All') throw badRequest(`Invalid dryRun value: ${v}. Supported values are: All`);
  return vals.length > 0;
}

/** The field manager: the `fieldManager` query or, like kube-apiserver, the User-Agent's program name. */
export function fieldManager(ctx: ReqCtx): string {
  const q = ctx.query.get('fieldManager');
  if (q) {
    if (q.length > 128) throw badRequest('fieldManager: Too long: may not be more than 128 bytes');
    return q;
  }
  const ua = ctx.req.headers['user-agent'] ?? 'unknown';
  return ua.split('/')[0] || 'unknown';
}

function validateAndHook(ctx: ReqCtx, obj: JsonObject, old: JsonObject | undefined): JsonObject {
  const causes: FieldCause[] = validateMeta(ctx.def, metaOf(obj));
  const validator = ctx.state.registry.validator(ctx.def);
  let result = obj;
  if (validator) {
    const mode = fieldValidation(ctx);
    const v = validator.validate(obj, old, { fieldValidation: mode });
    if (mode === 'Strict' && v.unknownFields.length) {
      const { kind, version } = ctx.def;
      throw badRequest(
        `${kind} in version "${version}" cannot be handled as a ${kind}: ${strictDecodingMessage(v.unknownFields)}`,
      );
    }
    result = v.object;
    causes.push(...v.causes);
    ctx.warnings.push(...v.warnings);
  }
  if (causes.length === 0) {
    try {
      result = applyKindHooks(ctx.def, result, old, ctx.state.store);
    } catch (e) {
      if (Array.isArray(e)) causes.push(...(e as FieldCause[]));
      else throw e;
    }
  }
  if (causes.length) throw invalid(ctx.def, String(metaOf(obj).name ?? ''), causes);
  return result;
}

const tracksGeneration = (ctx: ReqCtx): boolean => ctx.def.custom || ctx.rkey === CRD_RKEY;

function commitPut(ctx: ReqCtx, obj: JsonObject, dryRun: boolean, extra: Write[] = []): JsonObject {
  if (dryRun) return obj;
  const meta = metaOf(obj);
  const [ev] = ctx.state.store.commit([
    { op: 'put', rkey: ctx.rkey, ns: String(meta.namespace ?? ''), name: String(meta.name), obj: storageForm(ctx, obj) },
    ...extra,
  ]);
  if (ctx.rkey === CRD_RKEY) ctx.state.registry.refresh();
  return ev ? served(ctx, ev.obj) : obj;
}

/** Creates `body` (already decoded, at the served version). Returns the stored object. */
export function createObject(ctx: ReqCtx, body: JsonObject, dryRun: boolean, managed: ManagedMode): JsonObject {
  const meta: JsonObject = { ...metaOf(body) };
  if (ctx.def.namespaced) {
    if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== ctx.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.namespace = ctx.namespace ?? '';
    if (!ctx.state.store.get(NAMESPACE_RKEY, '', String(meta.namespace))) throw namespaceNotFound(String(meta.namespace));
  } else delete meta.namespace;
  if ((meta.name === undefined || meta.name === '') && typeof meta.generateName === 'string' && meta.generateName) {
    meta.name = `${meta.generateName}${generateSuffix()}`;
  }
  const time = nowTimestamp();
  Object.assign(meta, { uid: randomUUID(), creationTimestamp: time });
  for (const k of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink']) delete meta[k];
  if (tracksGeneration(ctx)) meta.generation = 1;
  else delete meta.generation;
  let obj: JsonObject = { ...body, apiVersion: apiVersionOf(ctx.def), kind: ctx.def.kind, metadata: meta };
  // Create cannot set status when the kind has a status subresource (customResourceStrategy.PrepareForCreate).
  if (ctx.def.subresources.status) obj = omit(obj, 'status');
  obj = validateAndHook(ctx, obj, undefined);
  const name = String(metaOf(obj).name);
  if (ctx.state.store.get(ctx.rkey, String(metaOf(obj).namespace ?? ''), name)) {
    throw new ApiError(
      409,
      'AlreadyExists',
      `${ctx.def.group ? `${ctx.def.plural}.${ctx.def.group}` : ctx.def.plural} "${name}" already exists`,
      { name, group: ctx.def.group, kind: ctx.def.plural },
    );
  }
  if (managed === 'record') {
    obj = recordUpdate({ old: undefined, updated: obj, manager: fieldManager(ctx), operation: 'Update', def: ctx.def, time });
  }
  return commitPut(ctx, obj, dryRun);
}

/** Options of an update. */
export interface UpdateOptions {
  dryRun: boolean;
  managed: ManagedMode;
  /** PUT of a custom resource must carry metadata.resourceVersion (AllowUnconditionalUpdate = false). */
  requireResourceVersion: boolean;
}

/** Replaces `old` (served form) with `body` (served form). Returns the stored object. */
export function updateObject(ctx: ReqCtx, old: JsonObject, body: JsonObject, opts: UpdateOptions): JsonObject {
  const oldMeta = metaOf(old);
  const newMeta: JsonObject = { ...metaOf(body) };
  const name = String(oldMeta.name);
  if (newMeta.name !== undefined && newMeta.name !== name) {
    throw badRequest(`the name of the object (${String(newMeta.name)}) does not match the name on the URL (${name})`);
  }
  const rv = newMeta.resourceVersion;
  if (rv === undefined || rv === '') {
    if (opts.requireResourceVersion) {
      throw invalid(ctx.def, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0x0: must be specified for an update',
        },
      ]);
    }
  } else if (String(rv) !== String(oldMeta.resourceVersion)) throw conflict(ctx.def, name);
  for (const k of ['uid', 'creationTimestamp', 'namespace', 'name', 'generation', 'resourceVersion']) {
    if (oldMeta[k] !== undefined) newMeta[k] = oldMeta[k];
    else delete newMeta[k];
  }
  let obj: JsonObject = { ...body, apiVersion: apiVersionOf(ctx.def), kind: ctx.def.kind, metadata: newMeta };
  if (ctx.subresource === 'status') {
    // Status writes change status only (customResourceStatusStrategy.PrepareForUpdate).
    const meta: JsonObject = { ...oldMeta };
    if (newMeta.managedFields !== undefined) meta.managedFields = newMeta.managedFields;
    obj = { ...old, metadata: meta };
    if (body.status !== undefined) obj.status = body.status;
    else delete obj.status;
  } else if (ctx.def.subresources.status) {
    obj = omit(obj, 'status');
    if (old.status !== undefined) obj.status = old.status;
  }
  obj = validateAndHook(ctx, obj, old);
  if (tracksGeneration(ctx)) {
    const ignore = ctx.def.subresources.status ? ['metadata', 'status'] : ['metadata'];
    const changed = !deepEqual(omit(obj, ...ignore), omit(old, ...ignore));
    const gen = typeof oldMeta.generation === 'number' ? oldMeta.generation : 1;
    obj = { ...obj, metadata: { ...metaOf(obj), generation: changed ? gen + 1 : gen } };
  }
  if (opts.managed === 'record') {
    obj = recordUpdate({
      old,
      updated: obj,
      manager: fieldManager(ctx),
      operation: 'Update',
      def: ctx.def,
      time: nowTimestamp(),
      ...(ctx.subresource === 'status' ? { subresource: 'status' as const } : {}),
    });
  }
  if (isNoop(old, obj)) return old;
  return commitPut(ctx, obj, opts.dryRun);
}

/** True when nothing but managedFields timestamps differ: the real server then skips the write. */
function isNoop(old: JsonObject, next: JsonObject): boolean {
  const strip = (o: JsonObject): JsonObject => {
    const m = metaOf(o);
    const mf = Array.isArray(m.managedFields) ? m.managedFields.map((e) => (isObject(e) ? omit(e, 'time') : e)) : undefined;
    return { ...o, metadata: { ...omit(m, 'resourceVersion', 'managedFields'), ...(mf ? { managedFields: mf } : {}) } };
  };
  return deepEqual(strip(old), strip(next));
}

/** Store key helper re-exported for handlers. */
export { rkeyOf };
