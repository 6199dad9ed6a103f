/**
 * The RBAC authorizer over the stored roles and bindings (plugin/pkg/auth/authorizer/rbac and
 * pkg/registry/rbac/validation/rule.go): ClusterRoleBindings apply everywhere, RoleBindings in
 * their namespace; a RoleBinding may grant a Role of its namespace or a ClusterRole. The first
 * rule that allows wins; missing roles are reported in the reason, never fatal. Members of
 * system:masters are allowed before RBAC is consulted, as kube-apiserver's privileged-group
 * authorizer does, so the admin's requests cost one comparison.
 */
import type { Store } from '../store';
import type { JsonObject } from '../types';
import { isPrivileged, serviceAccountUsername, type UserInfo } from '../authn/user';
import type { Attributes } from './attributes';
import { ALL, ruleAllows, rulesOf, type PolicyRule } from './policy-rule';

const G = 'rbac.authorization.k8s.io';
/** Store keys of the RBAC kinds. */
export const RBAC_RKEYS = {
  roles: `${G}/roles`,
  clusterRoles: `${G}/clusterroles`,
  roleBindings: `${G}/rolebindings`,
  clusterRoleBindings: `${G}/clusterrolebindings`,
} as const;
const WATCHED = new Set<string>(Object.values(RBAC_RKEYS));

/** An authorization decision: allowed or not, and why (`RBAC: allowed by …`). */
export interface Decision {
  allowed: boolean;
  reason: string;
}

/** The rules one binding grants, with how kube-apiserver describes it in reasons. */
export interface BoundRules {
  source: string;
  rules: PolicyRule[];
}

interface Resolved {
  sets: BoundRules[];
  errors: string[];
}

interface Subject {
  kind?: string;
  name?: string;
  namespace?: string;
}

function appliesTo(user: UserInfo, s: Subject, bindingNs: string): boolean {
  if (s.kind === 'User') return s.name === user.username;
  if (s.kind === 'Group') return typeof s.name === 'string' && user.groups.includes(s.name);
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace || bindingNs;
    return !!ns && !!s.name && serviceAccountUsername(ns, s.name) === user.username;
  }
  return false;
}

function describeSubject(s: Subject, bindingNs: string): string {
  if (s.kind === 'ServiceAccount') return `ServiceAccount ${JSON.stringify(`${s.name}/${s.namespace || bindingNs}`)}`;
  return `${String(s.kind)} ${JSON.stringify(s.name)}`;
}

const metaOf = (o: JsonObject): JsonObject => (o.metadata ?? {}) as JsonObject;
const aggregate = (errors: string[]): string => (errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`);

/** RBAC over one store; resolved rules are cached per user and namespace until an RBAC object changes. */
export class RbacAuthorizer {
  private readonly cache = new Map<string, Resolved>();

  constructor(private readonly store: Store) {
    store.subscribe((e) => {
      if (WATCHED.has(e.rkey)) this.cache.clear();
    });
  }

  /** Decides one request. */
  authorize(a: Attributes): Decision {
    if (isPrivileged(a.user)) return { allowed: true, reason: '' };
    const r = this.resolve(a.user, a.namespace);
    for (const set of r.sets) {
      if (set.rules.some((rule) => ruleAllows(a, rule))) return { allowed: true, reason: `RBAC: allowed by ${set.source}` };
    }
    return { allowed: false, reason: r.errors.length ? `RBAC: ${aggregate(r.errors)}` : '' };
  }

  /** Every rule granted to `user` in `namespace` ('' = cluster-wide bindings only), and lookup errors. */
  rulesFor(user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
    const r = this.resolve(user, namespace);
    const rules = r.sets.flatMap((s) => s.rules);
    if (isPrivileged(user)) {
      rules.unshift({ verbs: [ALL], apiGroups: [ALL], resources: [ALL] }, { verbs: [ALL], nonResourceURLs: [ALL] });
    }
    return { rules, errors: r.errors };
  }

  private resolve(user: UserInfo, namespace: string): Resolved {
    const key = `${user.username}\n${user.groups.join('\n')}\n\n${namespace}`;
    let r = this.cache.get(key);
    if (!r) {
      if (this.cache.size > 1000) this.cache.clear();
      r = this.compute(user, namespace);
      this.cache.set(key, r);
    }
    return r;
  }

  private compute(user: UserInfo, namespace: string): Resolved {
    const out: Resolved = { sets: [], errors: [] };
    for (const { obj: b } of this.store.list(RBAC_RKEYS.clusterRoleBindings)) {
      this.visitBinding(user, b, '', out);
    }
    if (namespace)
      for (const { obj: b } of this.store.list(RBAC_RKEYS.roleBindings, namespace)) this.visitBinding(user, b, namespace, out);
    return out;
  }

  private visitBinding(user: UserInfo, b: JsonObject, ns: string, out: Resolved): void {
    const subjects = (Array.isArray(b.subjects) ? b.subjects : []) as Subject[];
    const subject = subjects.find((s) => appliesTo(user, s, ns));
    if (!subject) return;
    const ref = (b.roleRef ?? {}) as { kind?: string; name?: string };
    const roleName = String(ref.name ?? '');
    const role =
      ref.kind === 'ClusterRole'
        ? this.store.get(RBAC_RKEYS.clusterRoles, '', roleName)
        : ref.kind === 'Role' && ns
          ? this.store.get(RBAC_RKEYS.roles, ns, roleName)
          : undefined;
    if (!role) {
      const what = ref.kind === 'ClusterRole' ? 'clusterrole' : 'role';
      out.errors.push(`${what}.${G} ${JSON.stringify(roleName)} not found`);
      return;
    }
    const bindingName = String(metaOf(b).name ?? '');
    const source = ns
      ? `RoleBinding ${JSON.stringify(`${bindingName}/${ns}`)} of ${String(ref.kind)} ${JSON.stringify(roleName)} to ${describeSubject(subject, ns)}`
      : `ClusterRoleBinding ${JSON.stringify(bindingName)} of ${String(ref.kind)} ${JSON.stringify(roleName)} to ${describeSubject(subject, ns)}`;
    out.sets.push({ source, rules: rulesOf(role.obj) });
  }
}
