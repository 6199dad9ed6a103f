/**
 * Writes the default roles and bindings at every start, as kube-apiserver's
 * `rbac/bootstrap-roles` post-start hook does: missing ones are created; existing ones annotated
 * `rbac.authorization.kubernetes.io/autoupdate: "true"` get missing rules and subjects added
 * (never removed); `autoupdate: "false"` leaves an object as the user changed it.
 */
import { randomUUID } from 'node:crypto';
import { deepEqual } from '../json-utils';
import { nowTimestamp } from '../metadata';
import type { Store, Write } from '../store';
import type { Json, JsonObject } from '../types';
import { BOOTSTRAP_BINDINGS, BOOTSTRAP_ROLES } from './bootstrap-policy';
import { RBAC_RKEYS } from './rbac';

const API_VERSION = 'rbac.authorization.k8s.io/v1';
const AUTOUPDATE = 'rbac.authorization.kubernetes.io/autoupdate';

const newMeta = (name: string): JsonObject => ({
  name,
  uid: randomUUID(),
  creationTimestamp: nowTimestamp(),
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
  annotations: { [AUTOUPDATE]: 'true' },
});

const autoUpdates = (obj: JsonObject): boolean =>
  ((obj.metadata as JsonObject | undefined)?.annotations as JsonObject | undefined)?.[AUTOUPDATE] !== 'false';

/** Adds the items of `want` missing from `have` (structural comparison). */
function union(have: Json | undefined, want: Json[]): { list: Json[]; changed: boolean } {
  const list = Array.isArray(have) ? [...have] : [];
  let changed = false;
  for (const w of want) {
    if (!list.some((h) => deepEqual(h, w))) {
      list.push(w);
      changed = true;
    }
  }
  return { list, changed };
}

/** Creates or tops up the default ClusterRoles and ClusterRoleBindings in one commit. */
export function reconcileBootstrapPolicy(store: Store): void {
  const writes: Write[] = [];
  for (const r of BOOTSTRAP_ROLES) {
    const rules = JSON.parse(JSON.stringify(r.rules)) as Json[];
    const existing = store.get(RBAC_RKEYS.clusterRoles, '', r.name)?.obj;
    if (!existing) {
      const obj: JsonObject = { apiVersion: API_VERSION, kind: 'ClusterRole', metadata: newMeta(r.name), rules };
      writes.push({ op: 'put', rkey: RBAC_RKEYS.clusterRoles, ns: '', name: r.name, obj });
      continue;
    }
    const u = union(existing.rules, rules);
    if (u.changed && autoUpdates(existing)) {
      writes.push({ op: 'put', rkey: RBAC_RKEYS.clusterRoles, ns: '', name: r.name, obj: { ...existing, rules: u.list } });
    }
  }
  for (const b of BOOTSTRAP_BINDINGS) {
    const subjects: Json[] = b.groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g }));
    const existing = store.get(RBAC_RKEYS.clusterRoleBindings, '', b.name)?.obj;
    if (!existing) {
      const obj: JsonObject = {
        apiVersion: API_VERSION,
        kind: 'ClusterRoleBinding',
        metadata: newMeta(b.name),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: b.role },
        subjects,
      };
      writes.push({ op: 'put', rkey: RBAC_RKEYS.clusterRoleBindings, ns: '', name: b.name, obj });
      continue;
    }
    const u = union(existing.subjects, subjects);
    if (u.changed && autoUpdates(existing)) {
      writes.push({
        op: 'put',
        rkey: RBAC_RKEYS.clusterRoleBindings,
        ns: '',
        name: b.name,
        obj: { ...existing, subjects: u.list },
      });
    }
  }
  if (writes.length) store.commit(writes);
}
