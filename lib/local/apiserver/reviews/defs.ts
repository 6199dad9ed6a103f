/**
 * The create-only review kinds of authentication.k8s.io/v1 and authorization.k8s.io/v1, and the
 * `serviceaccounts/token` subresource, as discovery and OpenAPI list them on a real cluster, so
 * kubectl (`auth can-i`, `auth whoami`, `create token`) finds them. Nothing of these is stored:
 * the router hands them to ./index before the storage handlers.
 */
import { builtin } from '../builtin/resource-def';
import { typeMetaProperties } from '../builtin/object-meta';
import { bool, named, obj, str, stringList } from '../builtin/schema-dsl';
import type { ResourceDef, SchemaNode } from '../types';

const AUTHN = 'authentication.k8s.io';
const AUTHZ = 'authorization.k8s.io';

const userInfo = named(
  'io.k8s.api.authentication.v1.UserInfo',
  obj('The information about a user that the authenticator supplies.', {
    username: str('The name that uniquely identifies this user among all active users.'),
    uid: str('A unique value that identifies this user across time.'),
    groups: stringList('The names of groups this user is a part of.'),
    extra: {
      type: 'object',
      description: 'Additional information provided by the authenticator.',
      additionalProperties: stringList('Values.'),
    },
  }),
);

const resourceAttributes = named(
  'io.k8s.api.authorization.v1.ResourceAttributes',
  obj('The attributes of a resource request.', {
    namespace: str('Namespace of the action; empty means all namespaces for a namespaced resource.'),
    verb: str('A Kubernetes API verb (get, list, watch, create, update, patch, delete, deletecollection) or "*".'),
    group: str('API group of the resource; "*" means all.'),
    version: str('API version of the resource; "*" means all.'),
    resource: str('One of the existing resource types; "*" means all.'),
    subresource: str('Subresource; empty means none.'),
    name: str('Name of the object; empty means all.'),
  }),
);
const nonResourceAttributes = named(
  'io.k8s.api.authorization.v1.NonResourceAttributes',
  obj('The attributes of a non-resource request.', { path: str('URL path.'), verb: str('Lower-case HTTP verb.') }),
);
const accessStatus = named(
  'io.k8s.api.authorization.v1.SubjectAccessReviewStatus',
  obj('The decision.', {
    allowed: bool('True if the action would be allowed.'),
    denied: bool('True if the action would be denied.'),
    reason: str('Why the request was allowed or denied.'),
    evaluationError: str('An error that occurred during the authorization check.'),
  }),
);
const accessSpec = (self: boolean): SchemaNode =>
  obj('The access request; exactly one of resourceAttributes and nonResourceAttributes.', {
    resourceAttributes,
    nonResourceAttributes,
    ...(self
      ? {}
      : {
          user: str('The user to test for.'),
          groups: stringList('The groups to test for.'),
          uid: str('UID of the user.'),
          extra: { type: 'object', additionalProperties: stringList('Values.') } as SchemaNode,
        }),
  });

function review(group: string, kind: string, plural: string, props: Record<string, SchemaNode>, namespaced = false): ResourceDef {
  return builtin({
    group,
    version: 'v1',
    kind,
    plural,
    namespaced,
    verbs: ['create'],
    printerColumns: [],
    schema: named(
      `io.k8s.api.${group.split('.')[0]}.v1.${kind}`,
      obj(`${kind} (create only).`, { ...typeMetaProperties(), ...props }),
    ),
  });
}

/** The review kinds served (create only). */
export const accessReviewDefs: ResourceDef[] = [
  review(AUTHN, 'SelfSubjectReview', 'selfsubjectreviews', {
    status: obj('Filled by the server.', { userInfo }),
  }),
  review(AUTHN, 'TokenReview', 'tokenreviews', {
    spec: obj('The token to check.', { token: str('The bearer token.'), audiences: stringList('Audiences to check against.') }),
    status: obj('Filled by the server.', {
      authenticated: bool('The token is valid.'),
      user: userInfo,
      audiences: stringList('Audiences the token is valid for.'),
      error: str('Why the token could not be checked.'),
    }),
  }),
  review(AUTHZ, 'LocalSubjectAccessReview', 'localsubjectaccessreviews', { spec: accessSpec(false), status: accessStatus }, true),
  review(AUTHZ, 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', { spec: accessSpec(true), status: accessStatus }),
  review(AUTHZ, 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', {
    spec: obj('Where to evaluate.', { namespace: str('Namespace to evaluate rules for.') }),
    status: obj('The rules.', {
      resourceRules: { type: 'array', items: obj('Verbs on resources.', {}) },
      nonResourceRules: { type: 'array', items: obj('Verbs on non-resource URLs.', {}) },
      incomplete: bool('True when the rules may be incomplete.'),
      evaluationError: str('An error during evaluation.'),
    }),
  }),
  review(AUTHZ, 'SubjectAccessReview', 'subjectaccessreviews', { spec: accessSpec(false), status: accessStatus }),
];

/** Subresources served beside a kind's own paths, by `group/version/plural`, as discovery lists them. */
export const EXTRA_SUBRESOURCES: ReadonlyMap<
  string,
  Array<{ name: string; kind: string; group: string; version: string; verbs: string[] }>
> = new Map([['/v1/serviceaccounts', [{ name: 'token', kind: 'TokenRequest', group: AUTHN, version: 'v1', verbs: ['create'] }]]]);
