import 'server-only';
import {
  coverageReport,
  listenerCertificateProblems,
  summarizeTlsSecret,
  TLS_SECRET_TYPE,
  type CertificateSummary,
  type ListenerCertificateProblem,
  type SecretFacts,
  type SecretLike,
} from '@/lib/certs';
import { findReferenceGrant, indexReferenceGrants } from '@/lib/gateway-api';
import type { Gateway, ReferenceGrant } from '@/lib/gateway-api/types';
import type { CertificateRow, CertificatesView, ListenerUse, MissingCertificate } from '@/lib/model/certificates';
import type { RelatedObject } from '@/lib/model/details';
import type { K8sObject } from '@/lib/model/objects';
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

/** Secret reads in flight at once when checking every listener's certificate. */
const SECRET_READS_IN_FLIGHT = 8;

/** Summaries of referenced Secrets by `namespace/name`, valid while the resourceVersion is the same. */
const summaries = new Map<string, { rv: string; day: string; summary: CertificateSummary }>();

/** The Secret's facts: existence and type from the cache, the summary from its data (read on demand). */
async function secretFacts(cache: ClusterCache, key: string, now: Date): Promise<SecretFacts> {
  const cached = cache.get('Secret', key);
  if (!cached) return { exists: false };
  const type = (cached as { type?: string }).type ?? '';
  if (type !== TLS_SECRET_TYPE) return { exists: true, type };
  const rv = cached.metadata.resourceVersion ?? '';
  const day = now.toISOString().slice(0, 10);
  const hit = summaries.get(`${cache.context}|${key}`);
  // Expiry is judged per day: a cached summary of the same version is re-used within the day.
  if (hit && hit.rv === rv && hit.day === day) return { exists: true, type, summary: hit.summary };
  const [ns = '', name = ''] = key.split('/');
  const secret = await k8sRequest<SecretLike>(cache.kubeConfig, {
    path: `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${encodeURIComponent(name)}`,
  });
  const summary = summarizeTlsSecret(secret, now);
  summaries.set(`${cache.context}|${key}`, { rv, day, summary });
  return { exists: true, type, summary };
}

/**
 * Certificate problems of every HTTPS listener of the cluster (missing, not TLS, key mismatch,
 * expired or expiring within 30 days, hostname not covered, cross-namespace without a
 * ReferenceGrant). Reads only the referenced Secrets; a Secret that cannot be read is reported
 * as such rather than failing the whole list.
 */
export async function getListenerCertificateProblems(
  cache: ClusterCache,
  now = new Date(),
): Promise<ListenerCertificateProblem[]> {
  const refs = certificateRefs(cache).map((r) => ({
    gateway: `${r.gateway.metadata.namespace ?? ''}/${r.gateway.metadata.name}`,
    listener: r.listener,
    ...(r.hostname ? { hostname: r.hostname } : {}),
    namespace: r.namespace,
    name: r.name,
  }));
  const grants = indexReferenceGrants(cache.list('ReferenceGrant') as unknown as ReferenceGrant[]);
  const facts = new Map<string, SecretFacts>();
  const keys = [...new Set(refs.map((r) => `${r.namespace}/${r.name}`))];
  // A few reads in flight at once: a thousand HTTPS listeners' Secrets read one by one took tens of seconds.
  const next = async (): Promise<void> => {
    for (let key = keys.pop(); key !== undefined; key = keys.pop())
      facts.set(
        key,
        await secretFacts(cache, key, now).catch(
          (): SecretFacts => ({ exists: true, type: TLS_SECRET_TYPE }), // unreadable (e.g. forbidden): no content checks
        ),
      );
  };
  await Promise.all(Array.from({ length: SECRET_READS_IN_FLIGHT }, next));
  return listenerCertificateProblems(
    refs,
    (key) => facts.get(key) ?? { exists: false },
    (r) =>
      Boolean(
        findReferenceGrant(
          grants,
          { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: r.gateway.split('/')[0] ?? '' },
          { group: '', kind: 'Secret', namespace: r.namespace, name: r.name },
        ),
      ),
  );
}

const PROBLEM_WORDS: Record<ListenerCertificateProblem['code'], string> = {
  CertificateMissing: 'not found',
  NotTLSSecret: 'not a TLS Secret',
  InvalidCertificate: 'invalid certificate',
  KeyMismatch: 'key does not match',
  KeyMissing: 'no usable key',
  Expired: 'expired',
  Expiring: 'expires within 30 days',
  NotYetValid: 'not yet valid',
  HostnameNotCovered: 'hostname not covered by any SAN',
  RefNotPermitted: 'no ReferenceGrant',
};

/**
 * The Gateway detail page's certificate references (`certificate of listener X` related objects),
 * with each listener's certificate problems as their state and note. Others pass unchanged.
 */
export async function withCertificateChecks(
  cache: ClusterCache,
  gw: K8sObject,
  related: RelatedObject[],
): Promise<RelatedObject[]> {
  const key = `${gw.metadata.namespace ?? ''}/${gw.metadata.name}`;
  const problems = (await getListenerCertificateProblems(cache).catch(() => [])).filter((p) => p.ref.gateway === key);
  return related.map((r) => {
    if (r.kind !== 'Secret') return r;
    const mine = problems.filter(
      (p) =>
        r.relation === `certificate of listener ${p.ref.listener}` && p.ref.namespace === r.namespace && p.ref.name === r.name,
    );
    if (mine.length === 0) return r.state ? r : { ...r, state: 'ok' as const, note: 'certificate ok' };
    const state = mine.some((p) => p.severity === 'error') ? ('error' as const) : ('warning' as const);
    return { ...r, state, note: mine.map((p) => PROBLEM_WORDS[p.code]).join('; ') };
  });
}
