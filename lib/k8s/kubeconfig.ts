import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import { KubeConfig } from '@kubernetes/client-node';
import type { ContextSummary } from '@/lib/model/cluster';
import { resolveKubeconfigSource, type KubeconfigSource } from './source';

/** The current credentials source, from the process environment. */
export function currentSource(): KubeconfigSource {
  return resolveKubeconfigSource({ env: process.env, home: os.homedir(), exists: (p) => fs.existsSync(p) });
}

let cached: { key: string; config: KubeConfig } | undefined;

/**
 * Loads the kubeconfig the source points at. Re-read when the file changes (the embedded cluster
 * rewrites it on reset; users edit theirs), otherwise served from memory.
 */
export function loadKubeConfig(): KubeConfig | undefined {
  const source = currentSource();
  if (source.kind === 'none') return undefined;
  const key =
    source.kind === 'file' ? `${source.path}@${fs.statSync(source.path, { throwIfNoEntry: false })?.mtimeMs ?? 0}` : 'in-cluster';
  if (cached?.key === key) return cached.config;
  const config = new KubeConfig();
  if (source.kind === 'file') config.loadFromFile(source.path);
  else config.loadFromCluster();
  cached = { key, config };
  return config;
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
