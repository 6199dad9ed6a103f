/**
 * Kubernetes `Status` objects and the constructors for the errors the server raises, worded
 * like kube-apiserver so kubectl prints what a user sees on a real cluster.
 */
import { ApiError, type FieldCause, type JsonObject, type ResourceDef } from './types';

/** `plural.group` (or just `plural` for the core group), as errors name a resource. */
export function qualifiedResource(def: Pick<ResourceDef, 'plural' | 'group'>): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

/** `Kind.group` (or just `Kind` for the core group), as 422 messages name a kind. */
export function qualifiedKind(def: Pick<ResourceDef, 'kind' | 'group'>): string {
  return def.group ? `${def.kind}.${def.group}` : def.kind;
}

/** Serializes an ApiError into a `Status` body. */
export function toStatus(err: ApiError): JsonObject {
  const status: JsonObject = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: err.message,
    reason: err.reason,
    code: err.code,
  };
  if (err.details) {
    const d: JsonObject = {};
    if (err.details.name !== undefined) d.name = err.details.name;
    if (err.details.group !== undefined) d.group = err.details.group;
    if (err.details.kind !== undefined) d.kind = err.details.kind;
    if (err.details.causes) d.causes = err.details.causes.map((c) => ({ ...c }));
    if (err.details.retryAfterSeconds !== undefined) d.retryAfterSeconds = err.details.retryAfterSeconds;
    status.details = d;
  }
  return status;
}

/** 404 NotFound for one object. */
export const notFound = (def: ResourceDef, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${qualifiedResource(def)} "${name}" not found`, {
    name,
    group: def.group,
    kind: def.plural,
  });

/** 404 NotFound for a missing namespace. */
export const namespaceNotFound = (ns: string): ApiError =>
  new ApiError(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' });

/** 409 AlreadyExists. */
export const alreadyExists = (def: ResourceDef, name: string): ApiError =>
  new ApiError(409, 'AlreadyExists', `${qualifiedResource(def)} "${name}" already exists`, {
    name,
    group: def.group,
    kind: def.plural,
  });

/** 409 Conflict on a stale resourceVersion (optimistic concurrency). */
export const conflict = (def: ResourceDef, name: string, why = 'the object has been modified'): ApiError =>
  new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(def)} "${name}": ${why}; please apply your changes to the latest version and try again`,
    { name, group: def.group, kind: def.plural },
  );

/** 400 BadRequest. */
export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);

/** 405 MethodNotAllowed. */
export const methodNotAllowed = (): ApiError =>
  new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

/** 410 Gone / Expired for a resourceVersion older than the kept history. */
export const expired = (rv: string, oldest: number): ApiError =>
  new ApiError(410, 'Expired', `too old resource version: ${rv} (${oldest})`);

const TYPE_WORDS: Record<string, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueNotFound: 'Not found',
};

/** One cause as kube-apiserver prints it in a message: `field: Type: detail`. */
function causeText(c: FieldCause): string {
  const word = TYPE_WORDS[c.reason];
  const body =
    word && !c.message.startsWith(word) && !Object.values(TYPE_WORDS).some((w) => c.message.startsWith(w))
      ? `${word}: ${c.message}`
      : c.message;
  return c.field ? `${c.field}: ${body}` : body;
}

/** 422 Invalid with causes: `Kind.group "name" is invalid: [a, b]` (one cause without brackets). */
export function invalid(def: ResourceDef, name: string, causes: FieldCause[]): ApiError {
  const texts = causes.map(causeText);
  const list = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind(def)} "${name}" is invalid: ${list}`, {
    name,
    group: def.group,
    kind: def.kind,
    causes,
  });
}

/** Turns anything thrown into an ApiError (unknown errors become 500 InternalError). */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'reason' in e && 'message' in e) {
    const o = e as { code: unknown; reason: unknown; message: unknown };
    if (typeof o.code === 'number' && typeof o.reason === 'string' && typeof o.message === 'string') {
      return new ApiError(o.code, o.reason, o.message, (e as { details?: ApiError['details'] }).details);
    }
  }
  return new ApiError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
}
