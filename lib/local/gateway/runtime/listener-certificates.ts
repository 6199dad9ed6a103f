/**
 * Certificates of the HTTPS listeners the engine resolved, read through the Secret store.
 * A listener whose Secrets cannot be served (deleted meanwhile, malformed PEM, key not
 * matching) is reported as failed, so only it goes unprogrammed.
 */
import type { Snapshot } from '@/lib/gateway-api';
import type { CertificateSpec } from '../certificates';
import type { SecretStore } from './secrets';
import type { ListenerId, TlsNeed } from './serve-plan';

/** Certificates per listener, and why the others have none. */
export interface ListenerCertificates {
  certificates: Map<ListenerId, CertificateSpec>;
  failed: Map<ListenerId, string>;
}

/**
 * Loads the first usable certificate of each listener (Gateway API lets a listener name
 * several, e.g. one per key type; serving the first that loads keeps the listener up).
 */
export async function loadListenerCertificates(
  needs: readonly TlsNeed[],
  snapshot: Snapshot,
  store: SecretStore,
): Promise<ListenerCertificates> {
  const versions = new Map(
    snapshot.secrets.map((s) => [`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`, s.metadata.resourceVersion]),
  );
  const out: ListenerCertificates = { certificates: new Map(), failed: new Map() };
  await Promise.all(
    needs.map(async (need) => {
      const problems: string[] = [];
      for (const ref of need.secrets) {
        const key = `${ref.namespace}/${ref.name}`;
        const pair = await store.tlsPair(ref.namespace, ref.name, versions.get(key));
        if ('cert' in pair) {
          out.certificates.set(need.id, {
            ...(need.hostname ? { hostname: need.hostname } : {}),
            cert: pair.cert,
            key: pair.key,
          });
          return;
        }
        problems.push(`Secret ${key}: ${pair.error}`);
      }
      out.failed.set(need.id, `no usable certificate (${problems.join('; ') || 'no certificateRefs'})`);
    }),
  );
  store.retain(new Set(needs.flatMap((n) => n.secrets.map((r) => `${r.namespace}/${r.name}`))));
  return out;
}
