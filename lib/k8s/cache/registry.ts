import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import { resolveContext } from '../current-context';
import { loadKubeConfig } from '../kubeconfig';
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
  let entry = registry.get(name);
  if (!entry) {
    // A copy per context, so one view's context never changes another's.
    const config = new KubeConfig();
    config.loadFromString(base.exportConfig());
    config.setCurrentContext(name);
    entry = start(name, config);
    registry.set(name, entry);
  }
  return entry;
}

function start(name: string, config: KubeConfig): Promise<ClusterCache> {
  const cache = new ClusterCache(name, config);
  const started = cache.start().then(() => cache);
  started.catch(() => registry.delete(name));
  return started;
}
