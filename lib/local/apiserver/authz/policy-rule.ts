/**
 * RBAC policy rules and how one rule matches a request, exactly as
 * k8s.io/kubernetes pkg/apis/rbac/v1/evaluation_helpers.go and
 * plugin/pkg/auth/authorizer/rbac/rbac.go (RuleAllows) define it.
 */
import type { Json, JsonObject } from '../types';
import type { Attributes } from './attributes';

/** rbac.authorization.k8s.io/v1 PolicyRule. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** `*`: every verb, group or resource (rbacv1.VerbAll, APIGroupAll, ResourceAll). */
export const ALL = '*';

/** The rule's verbs include the verb or `*`. */
export const verbMatches = (rule: PolicyRule, verb: string): boolean => rule.verbs.some((v) => v === ALL || v === verb);

/** The rule's apiGroups include the group or `*`. */
export const apiGroupMatches = (rule: PolicyRule, group: string): boolean =>
  (rule.apiGroups ?? []).some((g) => g === ALL || g === group);

/**
 * The rule names the resource: `*`, the exact `resource[/subresource]`, or `*\/subresource`
 * for that subresource of every resource. `httproutes` does not cover `httproutes/status`.
 */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources ?? []) {
    if (r === ALL || r === combined) return true;
    if (subresource && r === `*/${subresource}`) return true;
  }
  return false;
}

/** No resourceNames means every name; otherwise the requested name must be listed (so never a list or create). */
export const resourceNameMatches = (rule: PolicyRule, name: string): boolean =>
  !rule.resourceNames?.length || rule.resourceNames.includes(name);

/** `*`, the exact path, or a prefix ending in `*` (`/apis/*`, `/healthz/*`). */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === ALL || u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}

/** RuleAllows: does this one rule grant the request? */
export function ruleAllows(a: Omit<Attributes, 'user'>, rule: PolicyRule): boolean {
  if (!verbMatches(rule, a.verb)) return false;
  if (!a.resourceRequest) return nonResourceURLMatches(rule, a.path);
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return apiGroupMatches(rule, a.apiGroup) && resourceMatches(rule, combined, a.subresource) && resourceNameMatches(rule, a.name);
}

const strings = (v: Json | undefined): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

/** The rules of a stored Role or ClusterRole (malformed entries are skipped). */
export function rulesOf(role: JsonObject): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const r of Array.isArray(role.rules) ? role.rules : []) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) continue;
    const rule: PolicyRule = { verbs: strings(r.verbs) ?? [] };
    const groups = strings(r.apiGroups);
    const resources = strings(r.resources);
    const names = strings(r.resourceNames);
    const urls = strings(r.nonResourceURLs);
    if (groups) rule.apiGroups = groups;
    if (resources) rule.resources = resources;
    if (names) rule.resourceNames = names;
    if (urls) rule.nonResourceURLs = urls;
    out.push(rule);
  }
  return out;
}
