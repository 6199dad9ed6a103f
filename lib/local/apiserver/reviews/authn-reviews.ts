/**
 * authentication.k8s.io/v1 reviews: TokenReview (is this token valid, and whose is it?) and
 * SelfSubjectReview (`kubectl auth whoami`: who am I?). Nothing is stored.
 */
import type { Authenticator } from '../authn/authenticator';
import { API_AUDIENCES } from '../authn/service-account-token';
import type { UserInfo } from '../authn/user';
import { nowTimestamp } from '../metadata';
import type { Json, JsonObject } from '../types';

const AUTHN = 'authentication.k8s.io/v1';
const objOf = (v: Json | undefined): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;

/** A UserInfo as the API writes it (empty fields omitted). */
export function userInfoJson(u: UserInfo): JsonObject {
  const out: JsonObject = { username: u.username };
  if (u.uid) out.uid = u.uid;
  if (u.groups.length) out.groups = [...u.groups];
  if (Object.keys(u.extra).length) out.extra = Object.fromEntries(Object.entries(u.extra).map(([k, v]) => [k, [...v]]));
  return out;
}

/** SelfSubjectReview: the caller's own user info. */
export function selfSubjectReview(user: UserInfo, body: JsonObject): JsonObject {
  return {
    kind: 'SelfSubjectReview',
    apiVersion: AUTHN,
    metadata: { ...(objOf(body.metadata) ?? {}), creationTimestamp: nowTimestamp() },
    status: { userInfo: userInfoJson(user) },
  };
}

/**
 * TokenReview: checks `spec.token` for `spec.audiences` (the API server's audiences when
 * empty); an invalid token is a normal answer (`authenticated` absent, `error` set), not an error.
 */
export function tokenReview(authn: Authenticator, body: JsonObject): JsonObject {
  const spec = objOf(body.spec) ?? {};
  const token = typeof spec.token === 'string' ? spec.token : '';
  const wanted = Array.isArray(spec.audiences) && spec.audiences.length ? spec.audiences.map(String) : API_AUDIENCES;
  const r = token ? authn.check(token, wanted) : { error: 'token is empty' };
  const status: JsonObject =
    'user' in r
      ? { authenticated: true, user: userInfoJson(r.user), audiences: r.audiences }
      : { user: {}, error: `[invalid bearer token, ${r.error}]` };
  return {
    kind: 'TokenReview',
    apiVersion: AUTHN,
    metadata: { ...(objOf(body.metadata) ?? {}), creationTimestamp: null },
    spec,
    status,
  };
}
