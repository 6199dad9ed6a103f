/**
 * `kubectl apply`'s verdict per object: created, configured or unchanged, decided by comparing
 * the live object with the server's answer, ignoring what the server changes on every write.
 */
import type { K8sObject } from '@/lib/model/objects';
import type { ApplyOutcome } from './types';

/** Metadata the server maintains itself; a change there is not a change the user made. */
const serverMetadata = ['managedFields', 'resourceVersion', 'generation', 'creationTimestamp', 'uid', 'selfLink'];

/**
 * The object as a reviewer should see it: no managedFields, no server bookkeeping, no status
 * (status belongs to controllers, and apply never writes it).
 */
export function cleanObject(obj: K8sObject): K8sObject {
  const metadata: Record<string, unknown> = { ...obj.metadata };
  for (const k of serverMetadata) delete metadata[k];
  const { status: _status, ...rest } = obj;
  return { ...rest, metadata: metadata as K8sObject['metadata'] };
}

/** The object for editing: clean, without the resourceVersion (the editor tracks it beside the text). */
export function editableObject(obj: K8sObject): K8sObject {
  return cleanObject(obj);
}

/**
 * Classifies one write. `before` is the live object (absent when it did not exist), `after` the
 * server's answer to the (dry-run) apply.
 */
export function classifyApply(before: K8sObject | undefined, after: K8sObject): Exclude<ApplyOutcome, 'failed'> {
  if (!before) return 'created';
  return canonical(cleanObject(before)) === canonical(cleanObject(after)) ? 'unchanged' : 'configured';
}

/** JSON with sorted keys, so key order never makes two equal objects differ. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
