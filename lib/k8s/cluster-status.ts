import 'server-only';
import { VersionApi } from '@kubernetes/client-node';
import type { ClusterStatus } from '@/lib/model/cluster';
import { currentSource, listContexts, loadKubeConfig } from './kubeconfig';
import { describeError } from './errors';

const probeTimeoutMs = 3_000;

/** Asks the current context's API server for `/version`, with a short timeout so the header never hangs. */
export async function getClusterStatus(): Promise<ClusterStatus> {
  const checkedAt = new Date().toISOString();
  const source = currentSource();
  const config = source.kind === 'none' ? undefined : loadKubeConfig();
  if (!config) {
    return {
      configured: false,
      embedded: false,
      reachable: false,
      checkedAt,
      problem: 'No cluster is configured. Run `npm start` to use the embedded local cluster, or set PORTICO_KUBECONFIG.',
    };
  }
  const context = listContexts(config).find((c) => c.name === config.getCurrentContext());
  const embedded = process.env.PORTICO_EMBEDDED === '1';
  try {
    const api = config.makeApiClient(VersionApi);
    const info = await withTimeout(api.getCode(), probeTimeoutMs);
    return { configured: true, embedded, ...(context ? { context } : {}), reachable: true, version: info.gitVersion, checkedAt };
  } catch (err) {
    const problem = `Cannot reach the API server of context ${context?.name ?? '(none)'} at ${context?.server ?? 'unknown address'}: ${describeError(err)}`;
    return { configured: true, embedded, ...(context ? { context } : {}), reachable: false, problem, checkedAt };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
