import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import { resolveContext } from '../current-context';
import { loadKubeConfig } from '../kubeconfig';
import { kubeConfigWithToken } from '../user-credentials';
import { requestCredentials } from '@/lib/auth/request-credentials';
import { ClusterCache } from './cluster-cache';

// Kept on globalThis so that route handlers, server components and actions (which Next may load as
// separate module instances) share one watch per context instead of opening one each.
const registry = ((globalThis as { __porticoCaches?: Map<string, Promise<ClusterCache>> }).__porticoCaches ??= new Map());

/**
 * The live cache of a kubeconfig context, started on first use. Without a name it is the context this
 * browser chose (cookie), else the kubeconfig's current one; a name the kubeconfig lacks is refused.
 * A failed start is forgotten so the next request tries again.
 */
export async function getClusterCache(contextName?: string): Promise<ClusterCache> {
  const base = loadKubeConfig();
  if (!base) throw new Error('No cluster is configured: set PORTICO_KUBECONFIG or run `npm start` for the embedded cluster.');
  const name = (await resolveContext(contextName)) ?? base.getCurrentContext();
  // Token mode (issue #11): each user's cache reads with their own token, so their RBAC applies.
  const creds = await requestCredentials();
  const key = creds.kind === 'user' ? `${name}#${creds.key}` : name;
  let entry = registry.get(key);
  if (!entry) {
    // A copy per context, so one view's context never changes another's.
    let config = new KubeConfig();
    config.loadFromString(base.exportConfig());
    config.setCurrentContext(name);
    if (creds.kind === 'user') config = kubeConfigWithToken(config, creds.token, name);
    entry = start(key, name, config);
    registry.set(key, entry);
    if (creds.kind === 'user') evictUserCaches();
  } else if (creds.kind === 'user') {
    // Most recently used last, so eviction drops the user idle longest.
    registry.delete(key);
    registry.set(key, entry);
  }
  return entry;
}

/** Per-user caches kept at most (each holds watches): PORTICO_USER_CACHES, default 20. */
function evictUserCaches(): void {
  const limit = Number(process.env.PORTICO_USER_CACHES) || 20;
  const users = [...registry.keys()].filter((k) => k.includes('#'));
  for (const k of users.slice(0, Math.max(0, users.length - limit))) {
    const evicted = registry.get(k);
    registry.delete(k);
    void evicted?.then((c: ClusterCache) => c.stop()).catch(() => undefined);
  }
}

function start(key: string, name: string, config: KubeConfig): Promise<ClusterCache> {
  const cache = new ClusterCache(name, config);
  const started = cache.start().then(() => cache);
  started.catch(() => registry.delete(key));
  return started;
}
