/**
 * The one seam between the server core and the modules written beside it (patch, validation,
 * built-in kinds, OpenAPI). Until a module lands, a minimal stand-in lives here so the core runs.
 */
import { ApiError, type FieldCause, type Json, type JsonObject, type ResourceDef, type SchemaNode } from './types';

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T extends Json>(v: T): T => structuredClone(v);

/** RFC 7386 JSON merge patch. */
export function applyJsonMergePatch(original: JsonObject, patch: Json): JsonObject {
  if (!isObj(patch)) throw new ApiError(400, 'BadRequest', 'merge patch must be a JSON object');
  const merge = (target: Json, p: Json): Json => {
    if (!isObj(p)) return clone(p);
    const out: JsonObject = isObj(target) ? { ...target } : {};
    for (const [k, v] of Object.entries(p)) {
      if (v === null) delete out[k];
      else out[k] = merge(out[k] ?? null, v);
    }
    return out;
  };
  return merge(original, patch) as JsonObject;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new ApiError(400, 'BadRequest', `invalid JSON pointer: ${path}`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
export function applyJsonPatch(original: JsonObject, ops: Json): JsonObject {
  if (!Array.isArray(ops)) throw new ApiError(400, 'BadRequest', 'json patch must be an array of operations');
  const doc: JsonObject = clone(original);
  const locate = (path: string): { parent: Json; key: string } => {
    const parts = pointer(path);
    const key = parts.pop();
    if (key === undefined) throw new ApiError(400, 'BadRequest', 'cannot operate on the document root');
    let cur: Json = doc;
    for (const p of parts) {
      cur = Array.isArray(cur) ? (cur[Number(p)] ?? null) : isObj(cur) ? (cur[p] ?? null) : null;
      if (cur === null) throw new ApiError(422, 'Invalid', `doc is missing path: "${path}"`);
    }
    return { parent: cur, key };
  };
  const get = (path: string): Json => {
    const { parent, key } = locate(path);
    const v = Array.isArray(parent) ? parent[Number(key)] : isObj(parent) ? parent[key] : undefined;
    if (v === undefined) throw new ApiError(422, 'Invalid', `doc is missing path: "${path}"`);
    return v;
  };
  const remove = (path: string): void => {
    const { parent, key } = locate(path);
    get(path);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (isObj(parent)) delete parent[key];
  };
  const add = (path: string, value: Json, replace: boolean): void => {
    const { parent, key } = locate(path);
    if (Array.isArray(parent)) {
      const i = key === '-' ? parent.length : Number(key);
      if (replace) parent[i] = value;
      else parent.splice(i, 0, value);
    } else if (isObj(parent)) parent[key] = value;
    else throw new ApiError(422, 'Invalid', `doc is missing path: "${path}"`);
  };
  for (const op of ops) {
    if (!isObj(op) || typeof op.op !== 'string' || typeof op.path !== 'string') {
      throw new ApiError(400, 'BadRequest', 'invalid json patch operation');
    }
    const from = typeof op.from === 'string' ? op.from : '';
    switch (op.op) {
      case 'add': add(op.path, clone(op.value ?? null), false); break;
      case 'remove': remove(op.path); break;
      case 'replace': get(op.path); add(op.path, clone(op.value ?? null), true); break;
      case 'move': { const v = get(from); remove(from); add(op.path, v, false); break; }
      case 'copy': add(op.path, clone(get(from)), false); break;
      case 'test':
        if (JSON.stringify(get(op.path)) !== JSON.stringify(op.value)) {
          throw new ApiError(422, 'Invalid', `testing value ${op.path} failed`);
        }
        break;
      default: throw new ApiError(400, 'BadRequest', `unknown json patch operation "${op.op}"`);
    }
  }
  return doc;
}

/** Strategic merge patch stand-in: merge patch semantics, lists replaced. */
export function applyStrategicMergePatch(original: JsonObject, patch: Json, _def: ResourceDef): JsonObject {
  return applyJsonMergePatch(original, patch);
}

function withManager(obj: JsonObject, entry: JsonObject): JsonObject {
  const meta = isObj(obj.metadata) ? obj.metadata : {};
  const others = (Array.isArray(meta.managedFields) ? meta.managedFields : []).filter(
    (m) => !(isObj(m) && m.manager === entry.manager && m.operation === entry.operation && m.subresource === entry.subresource),
  );
  return { ...obj, metadata: { ...meta, managedFields: [...others, entry] } };
}

/** Server-side apply stand-in: applied fields merged over live, no conflict detection. */
export function serverSideApply(p: { live: JsonObject | undefined; applied: JsonObject; manager: string; force: boolean; def: ResourceDef; time: string }): JsonObject {
  const merged = p.live ? applyJsonMergePatch(p.live, p.applied) : clone(p.applied);
  const apiVersion = p.def.group ? `${p.def.group}/${p.def.version}` : p.def.version;
  return withManager(merged, { manager: p.manager, operation: 'Apply', apiVersion, time: p.time, fieldsType: 'FieldsV1', fieldsV1: {} });
}

/** managedFields bookkeeping stand-in for non-apply writes. */
export function recordUpdate(p: { old: JsonObject | undefined; updated: JsonObject; manager: string; operation: 'Update'; subresource?: 'status'; def: ResourceDef; time: string }): JsonObject {
  const apiVersion = p.def.group ? `${p.def.group}/${p.def.version}` : p.def.version;
  const entry: JsonObject = { manager: p.manager, operation: 'Update', apiVersion, time: p.time, fieldsType: 'FieldsV1', fieldsV1: {} };
  if (p.subresource) entry.subresource = p.subresource;
  return withManager(p.updated, entry);
}

/** Result of validating one object. */
export interface ValidationResult { object: JsonObject; causes: FieldCause[]; warnings: string[] }
/** A schema compiled once per resource version. */
export interface CompiledValidator {
  validate(obj: JsonObject, old: JsonObject | undefined, opts: { fieldValidation: 'Strict' | 'Warn' | 'Ignore' }): ValidationResult;
}

/** Schema validation stand-in: accepts everything unchanged. */
export function compileSchema(_schema: SchemaNode): CompiledValidator {
  return { validate: (obj) => ({ object: obj, causes: [], warnings: [] }) };
}

/** Built-in kinds and CRD → served resources (real module). */
export { builtinResources, crdToResourceDefs } from './builtin/index';

/** OpenAPI stand-in: not served yet. */
export function handleOpenApi(_path: string, _defs: ResourceDef[]): { status: number; contentType: string; body: string } | undefined {
  return undefined;
}
