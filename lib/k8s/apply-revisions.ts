import 'server-only';
import { isFormKind, type FormKind } from '@/lib/authoring/form-kinds';
import { revisionsFromHistory, type Revision } from '@/lib/authoring/revisions';
import { HISTORY_NAMESPACE, historyName } from './apply-history';
import { editContext, loadForEdit, type LoadedObject } from './apply-load';
import { getClusterCache } from './cache/registry';
import { describeError } from './errors';
import { K8sApiError, k8sRequest } from './request';

/** An object's recorded revisions, or why they could not be read. */
export type RevisionList = { ok: true; revisions: Revision[] } | { ok: false; error: string };

/**
 * Reads the history ConfigMap of `kind` `namespace/name` from `portico-system` (none yet: no
 * revisions). A reader without access to `portico-system` gets a message saying so, not an error page.
 */
export async function listRevisions(
  kind: string,
  namespace: string | undefined,
  name: string,
  context?: string,
): Promise<RevisionList> {
  try {
    const cache = await getClusterCache(context);
    const cm = await k8sRequest<{ data?: Record<string, string>; metadata: { annotations?: Record<string, string> } }>(
      cache.kubeConfig,
      { path: `/api/v1/namespaces/${HISTORY_NAMESPACE}/configmaps/${encodeURIComponent(historyName(kind, namespace, name))}` },
    );
    return { ok: true, revisions: revisionsFromHistory(cm.data, cm.metadata.annotations) };
  } catch (err) {
    if (err instanceof K8sApiError && err.code === 404) return { ok: true, revisions: [] };
    const hint =
      err instanceof K8sApiError && err.code === 403
        ? ` Your credentials may not read ConfigMaps in ${HISTORY_NAMESPACE} (verb: get, resource: configmaps).`
        : '';
    return {
      ok: false,
      error: `Could not read the history of ${kind} ${namespace ? `${namespace}/` : ''}${name}: ${describeError(err)}.${hint}`,
    };
  }
}

/** What an edit page needs: the object (or the revision to roll back to) as a draft, and its labels. */
export type EditLoad =
  (Extract<LoadedObject, { ok: true }> & { kind: FormKind; revision?: number }) | { ok: false; context: string; error: string };

/**
 * The edit page's draft: the live object, or, with `revision`, that recorded revision guarded by
 * the live resourceVersion, so a rollback is an ordinary edit (dry run, diff, impact, apply) and
 * still refuses to overwrite a change made meanwhile.
 */
export async function loadEdit(
  kindParam: string | undefined,
  fallback: FormKind,
  namespace: string,
  name: string,
  revision?: string,
): Promise<EditLoad> {
  const kind = isFormKind(kindParam) ? kindParam : fallback;
  const loaded = await loadForEdit(kind, namespace, name);
  if (!loaded.ok) return { ok: false, context: loaded.context, error: loaded.error };
  if (revision === undefined) return { ...loaded, kind };
  const n = Number(revision);
  const list = await listRevisions(kind, namespace, name);
  if (!list.ok) return { ok: false, context: loaded.context, error: list.error };
  const rev = list.revisions.find((r) => r.revision === n);
  if (!rev)
    return {
      ok: false,
      context: loaded.context,
      error: `Revision ${revision} of ${kind} ${namespace}/${name} is not in its history (only the last 20 are kept). Pick another on the detail page.`,
    };
  return { ...loaded, kind, yaml: rev.yaml, revision: n };
}

/** The context and whether the cluster serves `kind`, for the create pages. */
export async function servedFor(kind: FormKind, context?: string): Promise<{ context: string; served: boolean }> {
  const ctx = await editContext(context);
  try {
    return { context: ctx, served: (await getClusterCache(context)).served[kind] !== undefined };
  } catch {
    return { context: ctx, served: true };
  }
}
