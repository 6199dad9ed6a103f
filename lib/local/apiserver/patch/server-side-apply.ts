/**
 * Server-side apply (`application/apply-patch+yaml`, `kubectl apply --server-side`): field
 * ownership per manager, conflicts, and removal of fields an applier stopped setting, after
 * https://kubernetes.io/docs/reference/using-api/server-side-apply/ and the structured-merge-diff
 * updater the real server runs.
 */
import type { FieldCause, JsonObject, ResourceDef } from '../types';
import { applyConflict, patchBadRequest } from './errors';
import { FieldSet, type FieldPath } from './field-set';
import { toFieldSet } from './field-set-build';
import { deepEqual, isObject } from './json';
import {
  apiVersionOf,
  decodeManagedFields,
  describeManager,
  encodeManagedFields,
  entryKey,
  filterOwnable,
  type ManagerEntry,
} from './managed-fields';
import { ownableChanges, setManagedFields, typed, withoutManagedFields } from './ownership';
import { formatPath } from './path-format';
import { withObjectMeta } from './schema';
import { mergeApplied, removeUnowned } from './ssa-merge';

/** Inputs of one apply request. */
export interface ServerSideApplyParams {
  /** The stored object, or undefined when the apply creates it. */
  live: JsonObject | undefined;
  /** The applied configuration, as decoded from the request body. */
  applied: JsonObject;
  /** `fieldManager` of the request (kubectl sends "kubectl"). */
  manager: string;
  /** `force=true`: take conflicting fields instead of failing. */
  force: boolean;
  def: ResourceDef;
  /** RFC 3339 timestamp recorded on the manager's entry. */
  time: string;
  /**
   * The kind's defaulting (the CRD schema's `default`s). Run on the merged object before
   * conflicts are computed, as the real server defaults the merge result: an applied value that
   * equals the live one once defaulted changes nothing and so conflicts with nobody.
   */
  defaults?: (obj: JsonObject) => JsonObject;
}

/** The 409 of a real apply conflict, worded by fieldmanager's NewConflictError. */
function conflictError(conflicts: Array<{ entry: ManagerEntry; path: FieldPath }>): Error {
  const causes: FieldCause[] = conflicts.map(({ entry, path }) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${describeManager(entry)}`,
    field: formatPath(path),
  }));
  const first = conflicts[0];
  if (conflicts.length === 1 && first) {
    return applyConflict(
      `Apply failed with 1 conflict: conflict with ${describeManager(first.entry)}: ${formatPath(first.path)}`,
      causes,
    );
  }
  const lines: string[] = [];
  for (const entry of [...new Set(conflicts.map((c) => c.entry))].sort((a, b) => (a.manager < b.manager ? -1 : 1))) {
    lines.push(`conflicts with ${describeManager(entry)}:`);
    for (const c of conflicts) if (c.entry === entry) lines.push(`- ${formatPath(c.path)}`);
  }
  return applyConflict(`Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`, causes);
}

/**
 * An object stored without managed fields (written before anyone tracked them) gets its current
 * fields attributed to `before-first-apply` on its first apply, as the real server does, so the
 * apply conflicts instead of silently overwriting values nobody claimed.
 */
function beforeFirstApply(live: JsonObject, def: ResourceDef, apiVersion: string): ManagerEntry {
  const { added } = ownableChanges({}, live, withObjectMeta(def.schema), def);
  return { manager: 'before-first-apply', operation: 'Update', apiVersion, set: added };
}

/**
 * Applies a configuration on behalf of `manager` and returns the object to store, with
 * `metadata.managedFields` updated. Applied values win; fields this manager applied before but
 * no longer sets are removed unless another manager owns them; a field another manager owns that
 * the apply would change is a 409 Conflict naming that manager, unless `force` moves it over.
 * `status` is ignored for kinds with a status subresource. resourceVersion, uid and timestamps are
 * left to the caller.
 */
export function serverSideApply(p: ServerSideApplyParams): JsonObject {
  const schema = withObjectMeta(p.def.schema);
  const apiVersion = apiVersionOf(p.def);
  if (isObject(p.applied.metadata) && p.applied.metadata.managedFields != null) {
    throw patchBadRequest('metadata.managedFields must be nil');
  }
  const cfg = withoutManagedFields(p.applied);
  if (p.def.subresources.status) delete cfg.status;
  const newSet = filterOwnable(
    typed(p.def, 'patch', () => toFieldSet(cfg, schema)),
    p.def,
  );

  const entries = p.live ? decodeManagedFields(isObject(p.live.metadata) ? p.live.metadata.managedFields : undefined) : [];
  const live = p.live ? withoutManagedFields(p.live) : {};
  if (p.live && entries.length === 0) entries.push(beforeFirstApply(live, p.def, apiVersion));
  let merged = typed(p.def, 'live', () => mergeApplied(live, cfg, schema)) as JsonObject;

  const key = entryKey({ manager: p.manager, operation: 'Apply', apiVersion });
  let mine = entries.find((e) => entryKey(e) === key);
  const lastSet = mine?.set;
  if (mine) Object.assign(mine, { set: newSet, apiVersion });
  else entries.push((mine = { manager: p.manager, operation: 'Apply', apiVersion, set: newSet }));

  if (lastSet && !lastSet.isEmpty()) {
    const owned = entries.reduce((s, e) => s.union(e.set), new FieldSet());
    merged = removeUnowned(merged, lastSet.difference(owned), owned, schema);
  }

  if (p.defaults) merged = p.defaults(merged);
  const { changed, removed } = ownableChanges(live, merged, schema, p.def);
  const conflicts: Array<{ entry: ManagerEntry; path: FieldPath }> = [];
  const others = entries.filter((e) => e !== mine).sort((a, b) => (a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0));
  for (const entry of others) {
    for (const path of entry.set.intersection(changed).paths()) conflicts.push({ entry, path });
  }
  if (conflicts.length > 0 && !p.force) throw conflictError(conflicts);
  // Forced or not, other managers give up what this apply changed or removed.
  for (const entry of others) entry.set = entry.set.difference(changed).difference(removed);

  if (!lastSet || !deepEqual(live, merged)) mine.time = p.time;
  else mine.time ??= p.time;
  return setManagedFields(merged, encodeManagedFields(entries));
}
