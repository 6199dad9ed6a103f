import 'server-only';
import { KubeConfig, VersionApi } from '@kubernetes/client-node';
import type { ClusterStatus, ContextReachability } from '@/lib/model/cluster';
import { resolveContext } from './current-context';
import { listContexts, loadKubeConfig } from './kubeconfig';
import { describeError } from './errors';

const probeTimeoutMs = 3_000;

/** Asks the chosen context's API server for `/version`, with a short timeout so the header never hangs. */
export async function getClusterStatus(): Promise<ClusterStatus> {
  const checkedAt = new Date().toISOString();
  const config = loadKubeConfig();
  const name = config ? await resolveContext() : undefined;
  if (!config || !name) {
    return {
      configured: false,
      embedded: false,
      reachable: false,
      checkedAt,
      problem: 'No cluster is configured. Run `npm start` to use the embedded local cluster, or set PORTICO_KUBECONFIG.',
    };
  }
  const context = listContexts(config).find((c) => c.name === name);
  // The embedded cluster's context is the first source's current context (see resolveKubeconfigSources).
  const embedded = process.env.PORTICO_EMBEDDED === '1' && name === config.getCurrentContext();
  const probe = await probeContext(config, name);
  return {
    configured: true,
    embedded,
    ...(context ? { context } : {}),
    reachable: probe.reachable,
    ...(probe.version ? { version: probe.version } : {}),
    ...(probe.problem ? { problem: probe.problem } : {}),
    checkedAt,
  };
}

/** Reachability of every context the console offers, probed in parallel (the picker shows it). */
export async function probeAllContexts(): Promise<ContextReachability[]> {
  const config = loadKubeConfig();
  if (!config) return [];
  return Promise.all(config.getContexts().map((c) => probeContext(config, c.name)));
}

async function probeContext(base: KubeConfig, name: string): Promise<ContextReachability> {
  const server = base.getCluster(base.getContextObject(name)?.cluster ?? '')?.server ?? 'unknown address';
  try {
    const config = new KubeConfig();
    config.loadFromString(base.exportConfig());
    config.setCurrentContext(name);
    const info = await withTimeout(config.makeApiClient(VersionApi).getCode(), probeTimeoutMs);
    return { name, reachable: true, version: info.gitVersion };
  } catch (err) {
    return {
      name,
      reachable: false,
      problem: `Cannot reach the API server of context ${name} at ${server}: ${describeError(err)}`,
    };
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
