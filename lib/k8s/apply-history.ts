import 'server-only';
import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { cleanObject } from '@/lib/authoring/classify';
import type { K8sObject } from '@/lib/model/objects';
import { K8sApiError, k8sRequest } from './request';

/** Where every Portico replica keeps object history, so all users see the same revisions. */
export const HISTORY_NAMESPACE = 'portico-system';
/** Revisions kept per object. */
export const HISTORY_LIMIT = 20;
// A ConfigMap holds at most 1 MiB; leave room for metadata.
const maxBytes = 900 * 1024;

interface ConfigMap {
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  data?: Record<string, string>;
}

/** The history ConfigMap's name of an object: readable when it fits, hashed when it does not. */
export function historyName(kind: string, namespace: string | undefined, name: string): string {
  const readable = `${kind.toLowerCase()}.${namespace ?? 'cluster'}.${name}`;
  if (readable.length <= 253) return readable;
  const hash = createHash('sha256').update(readable).digest('hex').slice(0, 16);
  return `${kind.toLowerCase()}.${hash}`;
}

/**
 * Records `previous` (the live object about to be replaced) as the next revision of its history
 * ConfigMap in `portico-system`, creating the namespace and the ConfigMap when missing and
 * keeping only the last {@link HISTORY_LIMIT} revisions. Secrets are never recorded: their
 * history would copy key material into a ConfigMap anyone with read access sees.
 */
export async function recordRevision(config: KubeConfig, previous: K8sObject, author: string): Promise<number | undefined> {
  if (previous.kind === 'Secret') return undefined;
  await ensureNamespace(config);
  const name = historyName(previous.kind ?? 'object', previous.metadata.namespace, previous.metadata.name);
  const path = `/api/v1/namespaces/${HISTORY_NAMESPACE}/configmaps`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await k8sRequest<ConfigMap>(config, { path: `${path}/${name}` }).catch((err: unknown) => {
      if (err instanceof K8sApiError && err.code === 404) return undefined;
      throw err;
    });
    const next = withRevision(current, name, previous, author, new Date().toISOString());
    try {
      if (current) await k8sRequest(config, { method: 'PUT', path: `${path}/${name}`, body: next.configMap });
      else await k8sRequest(config, { method: 'POST', path, body: next.configMap });
      return next.revision;
    } catch (err) {
      // Another replica recorded a revision at the same time: read again and retry.
      if (err instanceof K8sApiError && (err.code === 409 || err.code === 422) && attempt < 2) continue;
      throw err;
    }
  }
  return undefined;
}

/** Adds one revision to a history ConfigMap (pure), trimming to the limit and the size budget. */
export function withRevision(
  current: ConfigMap | undefined,
  name: string,
  previous: K8sObject,
  author: string,
  time: string,
): { configMap: ConfigMap; revision: number } {
  const data = { ...(current?.data ?? {}) };
  const annotations = { ...(current?.metadata.annotations ?? {}) };
  const revs = Object.keys(data)
    .map((k) => /^rev-(\d+)$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const revision = (revs[revs.length - 1] ?? 0) + 1;
  data[`rev-${revision}`] = stringify(cleanObject(previous));
  annotations[`portico.io/rev-${revision}-author`] = author;
  annotations[`portico.io/rev-${revision}-time`] = time;
  annotations['portico.io/object'] =
    `${previous.apiVersion ?? ''} ${previous.kind ?? ''} ${previous.metadata.namespace ?? ''}/${previous.metadata.name}`;
  const kept = [...revs, revision];
  const size = () => Object.values(data).reduce((n, v) => n + Buffer.byteLength(v), 0);
  while (kept.length > HISTORY_LIMIT || (kept.length > 1 && size() > maxBytes)) {
    const old = kept.shift();
    delete data[`rev-${old}`];
    delete annotations[`portico.io/rev-${old}-author`];
    delete annotations[`portico.io/rev-${old}-time`];
  }
  return {
    revision,
    configMap: {
      metadata: {
        name,
        namespace: HISTORY_NAMESPACE,
        ...(current?.metadata.resourceVersion ? { resourceVersion: current.metadata.resourceVersion } : {}),
        labels: { ...(current?.metadata.labels ?? {}), 'app.kubernetes.io/managed-by': 'portico', 'portico.io/history': 'true' },
        annotations,
      },
      data,
    },
  };
}

async function ensureNamespace(config: KubeConfig): Promise<void> {
  try {
    await k8sRequest(config, { path: `/api/v1/namespaces/${HISTORY_NAMESPACE}` });
  } catch (err) {
    if (!(err instanceof K8sApiError && err.code === 404)) throw err;
    await k8sRequest(config, {
      method: 'POST',
      path: '/api/v1/namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: HISTORY_NAMESPACE } },
    }).catch((e: unknown) => {
      if (!(e instanceof K8sApiError && e.code === 409)) throw e;
    });
  }
}
