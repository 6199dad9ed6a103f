/**
 * The kubeconfig the local cluster writes: cluster, user and context all named
 * `portico-local`, CA data inline and a bearer token, so kubectl and client-node work at once.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

/** Name of the cluster, user and context in the written kubeconfig. */
export const LOCAL_CONTEXT = 'portico-local';

/** Renders the kubeconfig YAML. */
export function renderKubeconfig(p: { url: string; caPem: string; token: string }): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: LOCAL_CONTEXT, cluster: { server: p.url, 'certificate-authority-data': Buffer.from(p.caPem).toString('base64') } },
    ],
    users: [{ name: LOCAL_CONTEXT, user: { token: p.token } }],
    contexts: [{ name: LOCAL_CONTEXT, context: { cluster: LOCAL_CONTEXT, user: LOCAL_CONTEXT, namespace: 'default' } }],
    'current-context': LOCAL_CONTEXT,
    preferences: {},
  });
}

/** Writes the kubeconfig (mode 0600: it holds the token). */
export function writeKubeconfig(file: string, p: { url: string; caPem: string; token: string }): void {
  writeFileSync(file, renderKubeconfig(p), { mode: 0o600 });
}
