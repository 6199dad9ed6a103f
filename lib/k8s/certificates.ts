import 'server-only';
import { coverageReport, summarizeTlsSecret, TLS_SECRET_TYPE, type SecretLike } from '@/lib/certs';
import { findReferenceGrant, indexReferenceGrants } from '@/lib/gateway-api';
import type { Gateway, ReferenceGrant } from '@/lib/gateway-api/types';
import type { CertificateRow, CertificatesView, ListenerUse, MissingCertificate } from '@/lib/model/certificates';
import type { ClusterCache } from './cache/cluster-cache';
import { getClusterCache } from './cache/registry';
import { k8sRequest } from './request';

interface CertRef {
  gateway: Gateway;
  listener: string;
  hostname?: string;
  namespace: string;
  name: string;
}

/**
 * TLS Secrets with their certificate summaries and the listeners using each. Secret data is read
 * here, on the server, only to summarize it: the private key never leaves this function.
 */
export async function getCertificates(opts: { context?: string; namespace?: string } = {}): Promise<CertificatesView> {
  const cache = await getClusterCache(opts.context);
  const path = opts.namespace ? `/api/v1/namespaces/${opts.namespace}/secrets` : '/api/v1/secrets';
  const list = await k8sRequest<{ items: SecretLike[] }>(cache.kubeConfig, { path });
  const refs = certificateRefs(cache);
  const grants = indexReferenceGrants(cache.list('ReferenceGrant') as unknown as ReferenceGrant[]);
  const now = new Date();
  const rows: CertificateRow[] = list.items
    .filter((s) => s.type === TLS_SECRET_TYPE)
    .map((s) => {
      const namespace = s.metadata?.namespace ?? '';
      const name = s.metadata?.name ?? '';
      const summary = summarizeTlsSecret(s, now);
      const sans = summary.leaf?.sans ?? [];
      const usedBy: ListenerUse[] = refs
        .filter((r) => r.namespace === namespace && r.name === name)
        .map((r) => {
          const gwNs = r.gateway.metadata.namespace ?? '';
          const crossNamespace = gwNs !== namespace;
          const permitted =
            !crossNamespace ||
            Boolean(
              findReferenceGrant(
                grants,
                { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: gwNs },
                { group: '', kind: 'Secret', namespace, name },
              ),
            );
          const covered = r.hostname ? Boolean(coverageReport(sans, [r.hostname])[0]?.covered) : true;
          return {
            gateway: `${gwNs}/${r.gateway.metadata.name}`,
            listener: r.listener,
            ...(r.hostname ? { hostname: r.hostname } : {}),
            covered,
            crossNamespace,
            permitted,
          };
        });
      const resourceVersion = (s.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
      return { namespace, name, ...(resourceVersion ? { resourceVersion } : {}), summary, usedBy };
    })
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const present = new Set(list.items.map((s) => `${s.metadata?.namespace}/${s.metadata?.name}`));
  const missing: MissingCertificate[] = refs
    .filter((r) => (!opts.namespace || r.namespace === opts.namespace) && !present.has(`${r.namespace}/${r.name}`))
    .map((r) => ({
      gateway: `${r.gateway.metadata.namespace}/${r.gateway.metadata.name}`,
      listener: r.listener,
      namespace: r.namespace,
      name: r.name,
    }));
  const namespaces = [...new Set(cache.list('Gateway').map((g) => g.metadata.namespace ?? ''))].filter(Boolean).sort();
  return { context: cache.context, namespaces, rows, missing };
}

/** Every certificateRef of every listener, its namespace defaulted to the Gateway's (spec). */
function certificateRefs(cache: ClusterCache): CertRef[] {
  return (cache.list('Gateway') as unknown as Gateway[]).flatMap((gw) =>
    (gw.spec.listeners ?? []).flatMap((l) =>
      (l.tls?.certificateRefs ?? [])
        .filter((c) => (c.kind ?? 'Secret') === 'Secret' && (c.group ?? '') === '')
        .map((c) => ({
          gateway: gw,
          listener: l.name,
          ...(l.hostname ? { hostname: l.hostname } : {}),
          namespace: c.namespace ?? gw.metadata.namespace ?? '',
          name: c.name,
        })),
    ),
  );
}

/** Hostnames of the listeners whose certificateRefs name this Secret: what its SANs must cover. */
export async function listenerHostnamesFor(namespace: string, name: string, context?: string): Promise<string[]> {
  const cache = await getClusterCache(context);
  return certificateRefs(cache)
    .filter((r) => r.namespace === namespace && r.name === name && r.hostname)
    .map((r) => r.hostname as string);
}
