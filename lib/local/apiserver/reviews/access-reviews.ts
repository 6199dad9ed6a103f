/**
 * authorization.k8s.io/v1 reviews (pkg/registry/authorization): SelfSubjectAccessReview
 * (`kubectl auth can-i`), SubjectAccessReview, LocalSubjectAccessReview and
 * SelfSubjectRulesReview (`kubectl auth can-i --list`). Each answers with the request echoed and
 * a status; nothing is stored.
 */
import type { UserInfo } from '../authn/user';
import type { Attributes } from '../authz/attributes';
import type { RbacAuthorizer } from '../authz/rbac';
import { badRequest, invalid } from '../status-errors';
import type { Json, JsonObject, ResourceDef } from '../types';

const AUTHZ = 'authorization.k8s.io';
const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
const objOf = (v: Json | undefined): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const reviewDef = (kind: string): Pick<ResourceDef, 'kind' | 'group'> => ({ kind, group: AUTHZ });

/** The attributes a review's spec asks about (ResourceAttributesFrom / NonResourceAttributesFrom). */
function specAttributes(kind: string, user: UserInfo, spec: JsonObject): Attributes {
  const ra = objOf(spec.resourceAttributes);
  const nra = objOf(spec.nonResourceAttributes);
  if (!ra === !nra) {
    throw invalid(reviewDef(kind) as ResourceDef, '', [
      {
        reason: 'FieldValueInvalid',
        field: 'spec.resourceAttributes',
        message: `Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified`,
      },
    ]);
  }
  const base = { user, namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '', path: '' };
  if (nra) return { ...base, resourceRequest: false, verb: str(nra.verb), path: str(nra.path) };
  const r = ra as JsonObject;
  return {
    ...base,
    resourceRequest: true,
    verb: str(r.verb),
    namespace: str(r.namespace),
    apiGroup: str(r.group),
    apiVersion: str(r.version) || '*',
    resource: str(r.resource),
    subresource: str(r.subresource),
    name: str(r.name),
  };
}

function decide(authorizer: RbacAuthorizer, a: Attributes): JsonObject {
  const d = authorizer.authorize(a);
  const status: JsonObject = { allowed: d.allowed };
  if (d.reason) status.reason = d.reason;
  return status;
}

const answer = (kind: string, body: JsonObject, spec: JsonObject, status: JsonObject): JsonObject => ({
  kind,
  apiVersion: `${AUTHZ}/v1`,
  metadata: { ...(objOf(body.metadata) ?? {}), creationTimestamp: null },
  spec,
  status,
});

/** SelfSubjectAccessReview: may the caller do this? */
export function selfSubjectAccessReview(authorizer: RbacAuthorizer, user: UserInfo, body: JsonObject): JsonObject {
  const spec = objOf(body.spec) ?? {};
  return answer('SelfSubjectAccessReview', body, spec, decide(authorizer, specAttributes('SelfSubjectAccessReview', user, spec)));
}

function subjectOf(kind: string, spec: JsonObject): UserInfo {
  const groups = Array.isArray(spec.groups) ? spec.groups.map(String) : [];
  const user = str(spec.user);
  if (!user && groups.length === 0) {
    throw invalid(reviewDef(kind) as ResourceDef, '', [
      {
        reason: 'FieldValueInvalid',
        field: 'spec.user',
        message: 'Invalid value: "": at least one of user or group must be specified',
      },
    ]);
  }
  const extra: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(objOf(spec.extra) ?? {})) extra[k] = Array.isArray(v) ? v.map(String) : [];
  return { username: user, uid: str(spec.uid), groups, extra };
}

/** SubjectAccessReview: may this user (with these groups) do this? */
export function subjectAccessReview(authorizer: RbacAuthorizer, body: JsonObject): JsonObject {
  const spec = objOf(body.spec) ?? {};
  const subject = subjectOf('SubjectAccessReview', spec);
  return answer('SubjectAccessReview', body, spec, decide(authorizer, specAttributes('SubjectAccessReview', subject, spec)));
}

/** LocalSubjectAccessReview: a SubjectAccessReview confined to the namespace it is posted to. */
export function localSubjectAccessReview(authorizer: RbacAuthorizer, namespace: string, body: JsonObject): JsonObject {
  const spec = { ...(objOf(body.spec) ?? {}) };
  const ra = objOf(spec.resourceAttributes);
  if (!ra) throw badRequest('spec.resourceAttributes is required for a LocalSubjectAccessReview');
  const ns = str(ra.namespace);
  if (ns && ns !== namespace) {
    throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`);
  }
  spec.resourceAttributes = { ...ra, namespace };
  const subject = subjectOf('LocalSubjectAccessReview', spec);
  const out = answer(
    'LocalSubjectAccessReview',
    body,
    spec,
    decide(authorizer, specAttributes('LocalSubjectAccessReview', subject, spec)),
  );
  (out.metadata as JsonObject).namespace = namespace;
  return out;
}

/** SelfSubjectRulesReview: every rule granted to the caller in a namespace (RBAC RulesFor). */
export function selfSubjectRulesReview(authorizer: RbacAuthorizer, user: UserInfo, body: JsonObject): JsonObject {
  const spec = objOf(body.spec) ?? {};
  const namespace = str(spec.namespace);
  if (!namespace) throw badRequest('no namespace on request');
  const { rules, errors } = authorizer.rulesFor(user, namespace);
  const resourceRules: Json[] = [];
  const nonResourceRules: Json[] = [];
  for (const r of rules) {
    if (r.resources?.length) {
      const rr: JsonObject = { verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources };
      if (r.resourceNames?.length) rr.resourceNames = r.resourceNames;
      resourceRules.push(rr);
    }
    if (r.nonResourceURLs?.length) nonResourceRules.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs });
  }
  const status: JsonObject = { resourceRules, nonResourceRules, incomplete: false };
  if (errors.length) status.evaluationError = errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`;
  return answer('SelfSubjectRulesReview', body, spec, status);
}
