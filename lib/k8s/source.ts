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

/**
 * Every source the console offers contexts from, the default context's source first.
 *
 * - `PORTICO_KUBECONFIG` alone when set by the operator (a path list like KUBECONFIG): an explicit
 *   choice limits the console to those files, so a deployment never exposes the host's own kubeconfig.
 * - When the embedded cluster runs (`PORTICO_EMBEDDED=1`, its kubeconfig in `PORTICO_KUBECONFIG`), the
 *   user's own contexts (every existing KUBECONFIG entry, else `~/.kube/config`) follow it.
 * - Otherwise every existing KUBECONFIG entry (kubectl merges them, first wins), else `~/.kube/config`.
 * - Inside a pod, the service account is offered as one more context.
 */
export function resolveKubeconfigSources(probe: SourceProbe): KubeconfigSource[] {
  const out: KubeconfigSource[] = [];
  const explicit = splitList(probe.env.PORTICO_KUBECONFIG);
  for (const p of explicit) out.push({ kind: 'file', path: p, origin: 'PORTICO_KUBECONFIG' });
  if (explicit.length === 0 || probe.env.PORTICO_EMBEDDED === '1') out.push(...userFiles(probe));
  if (probe.env.KUBERNETES_SERVICE_HOST && probe.exists(inClusterTokenPath)) out.push({ kind: 'in-cluster' });
  return out.filter((s, i) => s.kind !== 'file' || out.findIndex((o) => o.kind === 'file' && o.path === s.path) === i);
}

function userFiles(probe: SourceProbe): KubeconfigSource[] {
  const listed = splitList(probe.env.KUBECONFIG).filter((p) => probe.exists(p));
  if (listed.length) return listed.map((path) => ({ kind: 'file', path, origin: 'KUBECONFIG' }));
  const fallback = probe.home ? `${probe.home}/.kube/config` : undefined;
  return fallback && probe.exists(fallback) ? [{ kind: 'file', path: fallback, origin: 'default' }] : [];
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(':')
    .map((p) => p.trim())
    .filter(Boolean);
}
