import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import type { ContextSummary } from '@/lib/model/cluster';
import { resolveKubeconfigSource, resolveKubeconfigSources, type KubeconfigSource } from './source';

const probe = () => ({ env: process.env, home: os.homedir(), exists: (p: string) => fs.existsSync(p) });

/** The default context's credentials source, from the process environment. */
export function currentSource(): KubeconfigSource {
  return resolveKubeconfigSource(probe());
}

/** The context name the pod's service account is offered under. */
export const inClusterContextName = 'in-cluster';

let cached: { key: string; config: KubeConfig } | undefined;

/**
 * One kubeconfig holding every context the console offers (see {@link resolveKubeconfigSources}):
 * first definition of a name wins, as kubectl merges KUBECONFIG; the current context is the first
 * source's. Re-read when a file changes (the embedded cluster rewrites its file on reset; users edit
 * theirs), otherwise served from memory.
 */
export function loadKubeConfig(): KubeConfig | undefined {
  const sources = resolveKubeconfigSources(probe());
  if (sources.length === 0) return undefined;
  const key = sources
    .map((s) => (s.kind === 'file' ? `${s.path}@${fs.statSync(s.path, { throwIfNoEntry: false })?.mtimeMs ?? 0}` : s.kind))
    .join('|');
  if (cached?.key === key) return cached.config;
  const parts = sources.map(readSource).filter((c): c is KubeConfig => c !== undefined);
  if (parts.length === 0) return undefined;
  const config = merge(parts);
  cached = { key, config };
  return config;
}

function readSource(source: KubeconfigSource): KubeConfig | undefined {
  const config = new KubeConfig();
  try {
    if (source.kind === 'file') config.loadFromFile(source.path);
    else if (source.kind === 'in-cluster') {
      config.loadFromCluster();
      // client-node names it inClusterContext; a plain name reads better in the header.
      config.loadFromOptions({
        clusters: config.clusters,
        users: config.users,
        contexts: config.contexts.map((c) => ({ ...c, name: inClusterContextName, user: c.user ?? config.users[0]?.name })),
        currentContext: inClusterContextName,
      });
    } else return undefined;
  } catch {
    // An unreadable file of the user's must not take the other contexts down with it.
    return undefined;
  }
  return config;
}

function merge(parts: KubeConfig[]): KubeConfig {
  if (parts.length === 1) return parts[0]!;
  const clusters: Cluster[] = [];
  const users: User[] = [];
  const contexts: Context[] = [];
  const add = <T extends { name: string }>(into: T[], items: readonly T[]) => {
    for (const item of items) if (!into.some((x) => x.name === item.name)) into.push(item);
  };
  for (const p of parts) {
    add(clusters, p.clusters);
    add(users, p.users);
    add(contexts, p.contexts);
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters,
    users,
    contexts,
    currentContext: parts.find((p) => p.getCurrentContext())?.getCurrentContext(),
  });
  return merged;
}

/** Every context of the loaded kubeconfig, credentials left out. */
export function listContexts(config: KubeConfig): ContextSummary[] {
  return config.getContexts().map((ctx) => ({
    name: ctx.name,
    cluster: ctx.cluster,
    server: config.getCluster(ctx.cluster)?.server ?? '',
    ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
  }));
}
