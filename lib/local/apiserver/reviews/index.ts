/**
 * The router's entry to the endpoints that are not storage: TokenRequest and the
 * authentication/authorization reviews. Each is create-only (POST), answers 201 with the request
 * echoed and a status, and is reached only after the request was authenticated and authorized
 * (e.g. `create serviceaccounts/token`, `create selfsubjectaccessreviews`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserInfo } from '../authn/user';
import type { Access } from '../authz/access';
import { decodeObject, sendJson } from '../http-io';
import type { ResourcePath } from '../paths';
import { methodNotAllowed } from '../status-errors';
import type { Store } from '../store';
import { ApiError, type JsonObject } from '../types';
import { localSubjectAccessReview, selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview } from './access-reviews';
import { selfSubjectReview, tokenReview } from './authn-reviews';
import { tokenRequest } from './token-request';

export { accessReviewDefs, EXTRA_SUBRESOURCES } from './defs';

/** One request the router may hand over. */
export interface AccessApiRequest {
  access: Access;
  store: Store;
  user: UserInfo;
  req: IncomingMessage;
  res: ServerResponse;
  path: ResourcePath;
  body: Buffer;
}

type Handler = (r: AccessApiRequest, body: JsonObject) => JsonObject;

const REVIEWS: Record<string, Handler> = {
  'authentication.k8s.io/v1/selfsubjectreviews': (r, b) => selfSubjectReview(r.user, b),
  'authentication.k8s.io/v1/tokenreviews': (r, b) => tokenReview(r.access.authenticator, b),
  'authorization.k8s.io/v1/selfsubjectaccessreviews': (r, b) => selfSubjectAccessReview(r.access.authorizer, r.user, b),
  'authorization.k8s.io/v1/subjectaccessreviews': (r, b) => subjectAccessReview(r.access.authorizer, b),
  'authorization.k8s.io/v1/selfsubjectrulesreviews': (r, b) => selfSubjectRulesReview(r.access.authorizer, r.user, b),
  'authorization.k8s.io/v1/localsubjectaccessreviews': (r, b) =>
    localSubjectAccessReview(r.access.authorizer, r.path.namespace ?? '', b),
};

function handlerOf(p: ResourcePath): Handler | undefined {
  if (
    p.group === '' &&
    p.version === 'v1' &&
    p.plural === 'serviceaccounts' &&
    p.subresource === 'token' &&
    p.name &&
    p.namespace
  ) {
    const [ns, name] = [p.namespace, p.name];
    return (r, b) => tokenRequest(r.access.authenticator.signingKey, r.store, ns, name, b);
  }
  const h = REVIEWS[`${p.group}/${p.version}/${p.plural}`];
  if (!h || p.name !== undefined) return undefined;
  // LocalSubjectAccessReview is namespaced; the others are cluster-scoped.
  if ((p.plural === 'localsubjectaccessreviews') !== (p.namespace !== undefined)) return undefined;
  return h;
}

/** Serves the request when it is one of these endpoints; returns false to let the router go on. */
export function serveAccessApi(r: AccessApiRequest): boolean {
  const h = handlerOf(r.path);
  if (!h) return false;
  if (r.req.method !== 'POST') throw methodNotAllowed();
  const body = decodeObject(r.body, r.req.headers['content-type']);
  const kind = body.kind;
  if (kind !== undefined && typeof kind !== 'string') throw new ApiError(400, 'BadRequest', 'kind must be a string');
  sendJson(r.req, r.res, 201, h(r, body));
  return true;
}
