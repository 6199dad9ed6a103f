/**
 * Where the console's cluster credentials come from. Kept free of client-node and `server-only`
 * so the start script (which decides whether to start the embedded cluster) uses the very same rules.
 */

/** The place credentials are read from, in the order the console looks for them. */
export type KubeconfigSource =
  | { kind: 'file'; path: string; origin: 'PORTICO_KUBECONFIG' | 'KUBECONFIG' | 'default' }
  | { kind: 'in-cluster' }
  | { kind: 'none' };

/** What the resolver may look at; injected so the rules are testable without touching the machine. */
export interface SourceProbe {
  env: Record<string, string | undefined>;
  home: string | undefined;
  exists(path: string): boolean;
}

const inClusterTokenPath = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * Resolves the credentials source: `PORTICO_KUBECONFIG`, then `KUBECONFIG` (first existing entry of the
 * path list, as kubectl merges them), then `~/.kube/config`, then the pod's service account. `none`
 * means nothing is configured, which is when `npm start` starts the embedded local cluster.
 */
export function resolveKubeconfigSource(probe: SourceProbe): KubeconfigSource {
  const explicit = probe.env.PORTICO_KUBECONFIG?.trim();
  if (explicit) return { kind: 'file', path: explicit, origin: 'PORTICO_KUBECONFIG' };
  const listed = (probe.env.KUBECONFIG ?? '')
    .split(':')
    .map((p) => p.trim())
    .filter(Boolean);
  const fromList = listed.find((p) => probe.exists(p));
  if (fromList) return { kind: 'file', path: fromList, origin: 'KUBECONFIG' };
  if (probe.home) {
    const fallback = `${probe.home}/.kube/config`;
    if (probe.exists(fallback)) return { kind: 'file', path: fallback, origin: 'default' };
  }
  if (probe.env.KUBERNETES_SERVICE_HOST && probe.exists(inClusterTokenPath)) return { kind: 'in-cluster' };
  return { kind: 'none' };
}
