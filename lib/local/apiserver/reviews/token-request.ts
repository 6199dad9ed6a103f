/**
 * `POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token` (TokenRequest,
 * authentication.k8s.io/v1; pkg/registry/core/serviceaccount/storage/token.go and
 * pkg/apis/authentication/validation): a signed token for an existing ServiceAccount, for the
 * requested audiences (the API server's by default) and lifetime (3600 s by default, at least
 * 600 s), optionally bound to a Secret or Pod of the same namespace. `kubectl create token` uses it.
 */
import type { SigningKey } from '../authn/jwt';
import { API_AUDIENCES, issueServiceAccountToken, SERVICE_ACCOUNT_RKEY, type BoundObject } from '../authn/service-account-token';
import { nowTimestamp } from '../metadata';
import { badRequest, conflict, invalid, namespaceNotFound } from '../status-errors';
import type { Store } from '../store';
import { ApiError, type Json, type JsonObject, type ResourceDef } from '../types';

const DEFAULT_EXPIRATION = 3600;
const MIN_EXPIRATION = 600;
const MAX_EXPIRATION = 2 ** 32;
const TOKEN_REQUEST = { kind: 'TokenRequest', group: 'authentication.k8s.io' } as ResourceDef;
const objOf = (v: Json | undefined): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const uidOf = (o: JsonObject): string => String((o.metadata as JsonObject | undefined)?.uid ?? '');
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function notFound(resource: string, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource });
}

function boundObject(store: Store, ns: string, ref: JsonObject | undefined): BoundObject | undefined {
  if (!ref) return undefined;
  const kind = ref.kind;
  if (kind !== 'Secret' && kind !== 'Pod') {
    throw badRequest(`cannot bind token for object of type ${String(kind)}`);
  }
  const name = typeof ref.name === 'string' ? ref.name : '';
  const resource = kind === 'Secret' ? 'secrets' : 'pods';
  const e = store.get(`/${resource}`, ns, name);
  if (!e) throw notFound(resource, name);
  const uid = uidOf(e.obj);
  if (typeof ref.uid === 'string' && ref.uid && ref.uid !== uid) {
    throw conflict(
      { plural: resource, group: '' } as ResourceDef,
      name,
      `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
    );
  }
  return { kind, name, uid };
}

/** Issues a token for `ns/name`; returns the TokenRequest to answer with (201). */
export function tokenRequest(key: SigningKey, store: Store, ns: string, name: string, body: JsonObject): JsonObject {
  if (!store.get('/namespaces', '', ns)) throw namespaceNotFound(ns);
  const sa = store.get(SERVICE_ACCOUNT_RKEY, ns, name);
  if (!sa) throw notFound('serviceaccounts', name);
  const spec = objOf(body.spec) ?? {};
  const requested = spec.expirationSeconds;
  const expirationSeconds = typeof requested === 'number' ? requested : DEFAULT_EXPIRATION;
  if (expirationSeconds < MIN_EXPIRATION || expirationSeconds > MAX_EXPIRATION || !Number.isInteger(expirationSeconds)) {
    const why =
      expirationSeconds < MIN_EXPIRATION
        ? 'may not specify a duration less than 10 minutes'
        : 'may not specify a duration larger than 2^32 seconds';
    throw invalid(TOKEN_REQUEST, name, [
      { reason: 'FieldValueInvalid', field: 'spec.expirationSeconds', message: `Invalid value: ${expirationSeconds}: ${why}` },
    ]);
  }
  const audiences = Array.isArray(spec.audiences) && spec.audiences.length ? spec.audiences.map(String) : [...API_AUDIENCES];
  const bound = boundObject(store, ns, objOf(spec.boundObjectRef));
  const { token, exp } = issueServiceAccountToken(key, {
    namespace: ns,
    name,
    uid: uidOf(sa.obj),
    audiences,
    expirationSeconds,
    bound,
  });
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace: ns, creationTimestamp: nowTimestamp() },
    spec: {
      audiences,
      expirationSeconds,
      boundObjectRef: bound ? { kind: bound.kind, apiVersion: 'v1', name: bound.name, uid: bound.uid } : null,
    },
    status: { token, expirationTimestamp: iso(exp) },
  };
}
