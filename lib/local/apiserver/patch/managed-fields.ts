/**
 * `metadata.managedFields`: decoding entries into field sets per manager, encoding them back in
 * the real server's order, and the paths no manager ever owns.
 */
import type { Json, JsonObject, ResourceDef } from '../types';
import { FieldSet } from './field-set';
import { isObject } from './json';
import { fieldElement } from './path-format';

/** One manager's ownership, as one `managedFields` entry. */
export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  subresource?: string;
  set: FieldSet;
}

/**
 * The identity of an entry (BuildManagerIdentifier): appliers are one entry whatever version they
 * apply with; updaters get one entry per API version and subresource.
 */
export function entryKey(e: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  return JSON.stringify([e.manager, e.operation, e.operation === 'Apply' ? '' : e.apiVersion, e.subresource ?? '']);
}

/**
 * Decoded entries per `managedFields` array. Stored objects are immutable, so the field sets of
 * a stored object are parsed once, not on every write to it. Field sets are never mutated after
 * decoding (set algebra returns new sets); callers get fresh entry objects to reassign freely.
 */
const decodedCache = new WeakMap<Json[], ManagerEntry[]>();
/** FieldsV1 JSON per field set: the sets of managers a write leaves alone encode to the same object. */
const encodedCache = new WeakMap<FieldSet, JsonObject>();

/** Decodes `managedFields`; malformed entries are skipped rather than failing the write. */
export function decodeManagedFields(raw: Json | undefined): ManagerEntry[] {
  if (!Array.isArray(raw)) return [];
  let entries = decodedCache.get(raw);
  if (!entries) decodedCache.set(raw, (entries = decodeEntries(raw)));
  return entries.map((e) => ({ ...e }));
}

function decodeEntries(raw: Json[]): ManagerEntry[] {
  const out: ManagerEntry[] = [];
  for (const e of raw) {
    if (!isObject(e) || typeof e.manager !== 'string') continue;
    if (e.operation !== 'Apply' && e.operation !== 'Update') continue;
    out.push({
      manager: e.manager,
      operation: e.operation,
      apiVersion: typeof e.apiVersion === 'string' ? e.apiVersion : '',
      time: typeof e.time === 'string' ? e.time : undefined,
      subresource: typeof e.subresource === 'string' && e.subresource ? e.subresource : undefined,
      set: FieldSet.fromJSON(e.fieldsV1),
    });
  }
  return out;
}

/** Encodes entries, dropping empty ones and capping Update entries, sorted like sortEncodedManagedFields (operation, time, manager, version, subresource). */
export function encodeManagedFields(entries: ManagerEntry[]): Json[] {
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const seconds = (t?: string): number => (t ? Math.floor(Date.parse(t) / 1000) || 0 : 0);
  return capUpdateManagers(entries)
    .sort(
      (a, b) =>
        cmp(a.operation, b.operation) ||
        seconds(a.time) - seconds(b.time) ||
        cmp(a.manager, b.manager) ||
        cmp(a.apiVersion, b.apiVersion) ||
        cmp(a.subresource ?? '', b.subresource ?? ''),
    )
    .map((e) => {
      const out: JsonObject = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion };
      if (e.time) out.time = e.time;
      out.fieldsType = 'FieldsV1';
      let fields = encodedCache.get(e.set);
      if (!fields) encodedCache.set(e.set, (fields = e.set.toJSON()));
      out.fieldsV1 = fields;
      if (e.subresource) out.subresource = e.subresource;
      return out;
    });
}

/** `group/version`, or just `version` for the core group. */
export function apiVersionOf(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

/** Fields the server sets itself and never attributes to a manager (stripmeta.go). */
const STRIPPED: string[][] = [
  ['apiVersion'],
  ['kind'],
  ['metadata'],
  ...[
    'name',
    'namespace',
    'creationTimestamp',
    'selfLink',
    'uid',
    'clusterName',
    'generation',
    'managedFields',
    'resourceVersion',
  ].map((f) => ['metadata', f]),
];
const STRIPPED_SET = STRIPPED.reduce((s, p) => s.insert(p.map(fieldElement)), new FieldSet());

/**
 * Removes what no manager can own from a set: the stripped metadata paths, and the half of the
 * object a request cannot write: `status` through the main resource of a kind with a status
 * subresource, `spec` through the status subresource (the strategies' reset fields).
 */
export function filterOwnable(set: FieldSet, def: ResourceDef, subresource?: 'status'): FieldSet {
  let out = set.difference(STRIPPED_SET);
  const reset = subresource === 'status' ? 'spec' : def.subresources.status ? 'status' : undefined;
  if (reset) out = out.recursiveDifference(new FieldSet().insert([fieldElement(reset)]));
  return out;
}

/** printManager of the real conflict error: `"kubectl" ` or `"kubectl-edit" using v1`. */
export function describeManager(e: ManagerEntry): string {
  let s = JSON.stringify(e.manager);
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion}`;
  return s;
}

/** The real server keeps at most this many Update entries (capmanagers.go). */
export const MAX_UPDATE_MANAGERS = 10;
/** The bucket older Update entries are folded into once the cap is exceeded. */
export const ANCIENT_CHANGES = 'ancient-changes';

/**
 * Folds the oldest Update entries into an `ancient-changes` entry per API version until at most
 * MAX_UPDATE_MANAGERS Update entries remain, so objects edited by many clients do not grow
 * without bound. The bucket takes the time of the newest entry folded into it.
 */
export function capUpdateManagers(entries: ManagerEntry[]): ManagerEntry[] {
  const live = entries.filter((e) => !e.set.isEmpty());
  const updaters = live.filter((e) => e.operation === 'Update');
  if (updaters.length <= MAX_UPDATE_MANAGERS) return live;
  const seconds = (t?: string): number => (t ? Date.parse(t) || 0 : 0);
  updaters.sort((a, b) => seconds(a.time) - seconds(b.time) || (a.manager < b.manager ? -1 : 1));
  const out = new Set(live);
  const buckets = new Map<string, ManagerEntry>();
  for (const e of live) if (e.manager === ANCIENT_CHANGES && e.operation === 'Update') buckets.set(e.apiVersion, e);
  let count = updaters.length;
  for (const e of updaters) {
    if (count <= MAX_UPDATE_MANAGERS) break;
    if (e.manager === ANCIENT_CHANGES) continue;
    let bucket = buckets.get(e.apiVersion);
    out.delete(e);
    if (bucket) {
      bucket.set = bucket.set.union(e.set);
      bucket.time = e.time ?? bucket.time;
      count--;
    } else {
      // Renaming the oldest entry into the bucket keeps the count; the next fold reduces it.
      bucket = { manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: e.apiVersion, time: e.time, set: e.set };
      buckets.set(e.apiVersion, bucket);
      out.add(bucket);
    }
  }
  return [...out];
}
