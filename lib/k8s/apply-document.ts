import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { stringify, type LineCounter } from 'yaml';
import { classifyApply, cleanObject } from '@/lib/authoring/classify';
import { checkIdentity } from '@/lib/authoring/identity';
import type { ParsedManifest } from '@/lib/authoring/parse-manifests';
import { objectRef, type DocumentResult } from '@/lib/authoring/types';
import type { K8sObject } from '@/lib/model/objects';
import { recordRevision } from './apply-history';
import { problemAt, problemsFromError } from './apply-errors';
import { objectPath, resolveResource } from './apply-resolve';
import { K8sApiError, k8sRequest } from './request';

/** How one document is written. */
export interface DocumentOptions {
  dryRun: boolean;
  force: boolean;
  /** resourceVersion the editor loaded, per {@link objectRef}. */
  expected: Record<string, string>;
  author: string;
}

/** One document's result, plus the server's object for the impact analysis. */
export interface DocumentRun {
  result: DocumentResult;
  after?: K8sObject;
}

/** The field manager of every Portico write, so ownership conflicts name Portico. */
export const FIELD_MANAGER = 'portico';

/**
 * One document through the safe write path: identity → served kind → namespace → live read →
 * resourceVersion guard → server-side dry-run apply (classification) → for a real apply, history,
 * the apply itself and a read back.
 */
export async function runDocument(
  config: KubeConfig,
  m: ParsedManifest,
  lc: LineCounter,
  o: DocumentOptions,
): Promise<DocumentRun> {
  const base: DocumentResult = { index: m.index, line: m.line, outcome: 'failed', problems: [...m.problems] };
  if (m.problems.length > 0) return { result: base };
  const id = checkIdentity(m.value);
  Object.assign(base, id.ok ? id.identity : id.partial);
  delete (base as { group?: string }).group;
  delete (base as { version?: string }).version;
  if (!id.ok) return { result: { ...base, problems: [problemAt(m, lc, id.field, id.message)] } };
  const { group, version, kind, name } = id.identity;
  const resolved = await resolveResource(config, group, version, kind);
  if (!resolved.ok) return { result: { ...base, problems: [problemAt(m, lc, 'kind', resolved.message)] } };
  const r = resolved.resource;
  const namespace = r.namespaced ? (id.identity.namespace ?? 'default') : undefined;
  const ref = objectRef(kind, namespace, name);
  Object.assign(base, { ref, ...(namespace ? { namespace } : {}) });
  if (namespace && !(await namespaceExists(config, namespace))) {
    const msg = `Namespace ${namespace} does not exist. Create it first (kubectl create namespace ${namespace}) or apply a Namespace document before this one.`;
    return { result: { ...base, problems: [problemAt(m, lc, 'metadata.namespace', msg)] } };
  }
  const path = objectPath(group, version, r, namespace, name);
  const live = await k8sRequest<K8sObject>(config, { path }).catch((err: unknown) => {
    if (err instanceof K8sApiError && err.code === 404) return undefined;
    throw err;
  });
  const beforeYaml = live ? displayYaml(live) : undefined;
  if (beforeYaml) base.beforeYaml = beforeYaml;
  const expected = o.expected[ref];
  if (expected !== undefined && !o.force && live?.metadata.resourceVersion !== expected) {
    const liveRv = live?.metadata.resourceVersion ?? '';
    const msg = live
      ? `${kind} ${namespace ? `${namespace}/` : ''}${name} changed since you loaded it (resourceVersion ${expected} → ${liveRv}). Reload and reapply your edit, or force to overwrite.`
      : `${kind} ${namespace ? `${namespace}/` : ''}${name} was deleted since you loaded it. Reload, or force to create it again.`;
    return {
      result: {
        ...base,
        problems: [{ message: msg, line: m.line, column: 1 }],
        conflict: { reason: 'resourceVersion', expected, live: liveRv, liveYaml: beforeYaml ?? '' },
      },
    };
  }
  // Editing a loaded object is an update guarded by the loaded resourceVersion (what `kubectl edit`
  // does): the server refuses it if the object changed, and fields other tools set stay theirs to
  // change, so no field-manager conflict arises. New objects and pasted manifests use server-side
  // apply; `force` takes over conflicting fields after the user confirmed it twice.
  const update = expected !== undefined && live !== undefined && !o.force;
  const write = (dryRun: boolean) => {
    const query = { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', ...(dryRun ? { dryRun: 'All' } : {}) };
    if (update) {
      const value = m.value as K8sObject;
      const metadata = { ...value.metadata, ...(namespace ? { namespace } : {}), resourceVersion: expected };
      return k8sRequest<K8sObject>(config, { method: 'PUT', path, query, body: { ...value, metadata } });
    }
    return k8sRequest<K8sObject>(config, {
      method: 'PATCH',
      path,
      query: { ...query, ...(o.force ? { force: true } : {}) },
      body: JSON.stringify(m.value),
      contentType: 'application/apply-patch+yaml',
    });
  };
  try {
    const preview = await write(true);
    const outcome = classifyApply(live, preview);
    if (o.dryRun) return { result: { ...base, outcome, afterYaml: displayYaml(preview) }, after: preview };
    if (outcome === 'unchanged') {
      return { result: { ...base, outcome, afterYaml: displayYaml(live ?? preview), ...rvOf(live) }, after: live ?? preview };
    }
    if (live) await recordRevision(config, live, o.author);
    await write(false);
    const after = await k8sRequest<K8sObject>(config, { path });
    return { result: { ...base, outcome, afterYaml: displayYaml(after), ...rvOf(after) }, after };
  } catch (err) {
    const problems = problemsFromError(err, m, lc, {
      verb: update ? 'update' : 'patch',
      plural: r.plural,
      ...(namespace ? { namespace } : {}),
    });
    const result: DocumentResult = { ...base, problems };
    if (err instanceof K8sApiError && err.code === 409) {
      result.conflict = {
        reason: 'fieldManager',
        expected: '',
        live: live?.metadata.resourceVersion ?? '',
        liveYaml: beforeYaml ?? '',
      };
    }
    return { result };
  }
}

function rvOf(obj: K8sObject | undefined): { resourceVersion?: string } {
  const rv = obj?.metadata.resourceVersion;
  return rv ? { resourceVersion: rv } : {};
}

async function namespaceExists(config: KubeConfig, namespace: string): Promise<boolean> {
  try {
    await k8sRequest(config, { path: `/api/v1/namespaces/${encodeURIComponent(namespace)}` });
    return true;
  } catch (err) {
    if (err instanceof K8sApiError && err.code === 404) return false;
    throw err;
  }
}

/** YAML of an object for the diff view; Secret values never leave the server. */
export function displayYaml(obj: K8sObject): string {
  const clean = cleanObject(obj);
  if (clean.kind === 'Secret') {
    const redact = (v: unknown) =>
      v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).map((k) => [k, '(redacted)'])) : v;
    const annotations = { ...(clean.metadata.annotations ?? {}) };
    delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
    return stringify({
      ...clean,
      metadata: { ...clean.metadata, ...(clean.metadata.annotations ? { annotations } : {}) },
      ...(clean.data ? { data: redact(clean.data) } : {}),
      ...(clean.stringData ? { stringData: redact(clean.stringData) } : {}),
    });
  }
  return stringify(clean);
}
