/**
 * Managed-fields bookkeeping of create, update and patch requests (operation `Update`): the
 * manager takes ownership of every field it changed, and other managers lose those fields.
 */
import type { JsonObject, ResourceDef } from '../types';
import { FieldSet } from './field-set';
import { isObject } from './json';
import { apiVersionOf, decodeManagedFields, encodeManagedFields, entryKey, type ManagerEntry } from './managed-fields';
import { ownableChanges, setManagedFields, typed, withoutManagedFields } from './ownership';
import { withObjectMeta } from './schema';

/** Inputs of one non-apply write. */
export interface RecordUpdateParams {
  /** The stored object before the write; undefined on create. */
  old: JsonObject | undefined;
  /** The object about to be stored. */
  updated: JsonObject;
  /** `fieldManager`, or the default derived from the user agent (e.g. "kubectl-edit"). */
  manager: string;
  operation: 'Update';
  subresource?: 'status';
  def: ResourceDef;
  /** RFC 3339 timestamp recorded on the manager's entry when it gains fields. */
  time: string;
}

/**
 * The managed fields to start from (decodeLiveOrNew): the request's own when it sends any, none
 * when it sends the reset marker `[{}]`, otherwise the stored object's, so clients unaware of
 * managedFields cannot wipe them by omission.
 */
function startingEntries(old: JsonObject | undefined, updated: JsonObject): ManagerEntry[] {
  const sent = isObject(updated.metadata) ? updated.metadata.managedFields : undefined;
  if (Array.isArray(sent) && sent.length === 1 && isObject(sent[0]) && Object.keys(sent[0]).length === 0) return [];
  const fromRequest = decodeManagedFields(sent);
  if (fromRequest.length > 0) return fromRequest;
  return decodeManagedFields(old && isObject(old.metadata) ? old.metadata.managedFields : undefined);
}

/**
 * Records a create/update/patch by `manager` and returns `updated` (copied) with
 * `metadata.managedFields` set. On create every field counts as changed. Entries left without
 * fields are dropped.
 */
export function recordUpdate(p: RecordUpdateParams): JsonObject {
  const schema = withObjectMeta(p.def.schema);
  const apiVersion = apiVersionOf(p.def);
  const entries = startingEntries(p.old, p.updated);
  const before = p.old ? withoutManagedFields(p.old) : {};
  const after = withoutManagedFields(p.updated);
  const { changed, removed } = typed(p.def, 'object', () => ownableChanges(before, after, schema, p.def, p.subresource));

  const key = entryKey({ manager: p.manager, operation: 'Update', apiVersion, subresource: p.subresource });
  for (const e of entries) e.set = e.set.difference(changed).difference(removed);
  let mine = entries.find((e) => entryKey(e) === key);
  if (!mine) {
    mine = { manager: p.manager, operation: 'Update', apiVersion, subresource: p.subresource, set: new FieldSet() };
    entries.push(mine);
  }
  mine.set = mine.set.union(changed);
  if (!changed.isEmpty()) mine.time = p.time;
  // `after` is already a fresh top level and metadata (withoutManagedFields), the only parts set here.
  return setManagedFields(after, encodeManagedFields(entries));
}
