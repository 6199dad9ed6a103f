/**
 * Writes planned statuses through the `status` subresource, only where they changed, with the
 * object's resourceVersion as precondition; a 409 Conflict means someone else wrote first, so
 * the object is read again and the desired status recomputed against it (never a blind overwrite).
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { canonicalJson } from '@/lib/gateway-api';
import { isStatusCode, kubeRequest } from './kube-request';
import { objectPath } from './resources';
import { slimObject, type StoredObject } from './slim';
import type { StatusWrite } from './status-plan';

/** Remembers, per object, what we last asked for and what the server stored, to avoid rewrite loops. */
export type WriteMemo = Map<string, { desired: string; stored: string }>;

/** Outcome counts of one pass. */
export interface WriteResult {
  written: number;
  failed: number;
}

const MAX_CONFLICT_RETRIES = 5;

function memoKey(w: StatusWrite): string {
  return `${w.def.kind}:${w.key}`;
}

/**
 * True when writing would change nothing: the status is already what we want, or it is exactly
 * what the server stored the last time we wrote this same desired status (a server that
 * normalizes status, e.g. by defaulting, must not make us write forever).
 */
function upToDate(memo: WriteMemo, w: StatusWrite, current: StoredObject, desired: string): boolean {
  const now = canonicalJson(current.status ?? {});
  if (now === desired) return true;
  const m = memo.get(memoKey(w));
  return m !== undefined && m.desired === desired && m.stored === now;
}

/** Writes one status; returns whether a write happened. Throws on errors other than 404/409. */
export async function writeStatus(kc: KubeConfig, w: StatusWrite, memo: WriteMemo): Promise<boolean> {
  const { namespace, name } = w.object.metadata ?? {};
  if (!name) return false;
  let current = w.object;
  for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
    const desiredStatus = w.desired(current);
    const desired = canonicalJson(desiredStatus);
    if (upToDate(memo, w, current, desired)) return false;
    // Only identity, the precondition and status travel: the status subresource ignores the rest.
    const body = {
      apiVersion: current.apiVersion ?? `${w.def.group}/${w.def.version}`,
      kind: w.def.kind,
      metadata: { name, ...(namespace ? { namespace } : {}), resourceVersion: current.metadata?.resourceVersion },
      status: desiredStatus,
    };
    try {
      const stored = (await kubeRequest(kc, 'PUT', objectPath(w.def, namespace, name, 'status'), body)) as { status?: unknown };
      memo.set(memoKey(w), { desired, stored: canonicalJson(stored?.status ?? {}) });
      return true;
    } catch (err) {
      if (isStatusCode(err, 404)) return false; // deleted meanwhile: nothing to report on
      if (!isStatusCode(err, 409)) throw err;
      try {
        current = slimObject(w.def, await kubeRequest(kc, 'GET', objectPath(w.def, namespace, name)));
      } catch (e) {
        if (isStatusCode(e, 404)) return false;
        throw e;
      }
    }
  }
  throw new Error(`${w.def.kind} ${w.key}: status still conflicting after ${MAX_CONFLICT_RETRIES} retries`);
}

/** Writes every planned status concurrently; failures are logged and counted, not thrown. */
export async function writeStatuses(
  kc: KubeConfig,
  writes: readonly StatusWrite[],
  memo: WriteMemo,
  log: (msg: string) => void,
): Promise<WriteResult> {
  const results = await Promise.allSettled(writes.map((w) => writeStatus(kc, w, memo)));
  const res: WriteResult = { written: 0, failed: 0 };
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      if (r.value) res.written++;
      return;
    }
    res.failed++;
    const w = writes[i];
    log(
      `status of ${w?.def.kind ?? '?'} ${w?.key ?? '?'} not written: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`,
    );
  });
  return res;
}
