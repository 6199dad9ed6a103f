/**
 * TLS key material for HTTPS listeners, fetched on demand. The shared informers keep only a
 * summary of each Secret (type and key names: no key material in long-lived caches), so the
 * runtime GETs the Secrets that programmed listeners reference, and caches each by its
 * resourceVersion: a Secret event changes the summary's resourceVersion, which refetches.
 */
import tls from 'node:tls';
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeRequest } from '@/lib/local/controller/kube-request';

/** A usable certificate chain and key (PEM), or why the Secret cannot be served. */
export type TlsPair = { cert: string; key: string } | { error: string };

/** Cache of TLS Secrets, keyed `namespace/name`. */
export interface SecretStore {
  /** The pair of Secret `namespace/name` at `resourceVersion` (fetched when not cached at that version). */
  tlsPair(namespace: string, name: string, resourceVersion: string | undefined): Promise<TlsPair>;
  /** Forgets every Secret not in `keep`, so removed references drop their key material. */
  retain(keep: ReadonlySet<string>): void;
}

function field(data: unknown, key: string): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : undefined;
}

/** Decodes and checks a served Secret: both keys present and loadable as a TLS context. */
export function tlsPairFromSecret(secret: unknown): TlsPair {
  const data = typeof secret === 'object' && secret !== null ? (secret as { data?: unknown }).data : undefined;
  const cert = field(data, 'tls.crt');
  const key = field(data, 'tls.key');
  if (!cert || !key) return { error: 'Secret lacks tls.crt or tls.key data' };
  try {
    tls.createSecureContext({ cert, key });
  } catch (err) {
    return { error: `invalid certificate or key: ${err instanceof Error ? err.message : String(err)}` };
  }
  return { cert, key };
}

/** Creates a store reading Secrets through the API with `kc`'s credentials. */
export function createSecretStore(kc: KubeConfig): SecretStore {
  const cache = new Map<string, { rv: string | undefined; pair: TlsPair }>();
  return {
    async tlsPair(namespace, name, resourceVersion) {
      const key = `${namespace}/${name}`;
      const hit = cache.get(key);
      if (hit && hit.rv === resourceVersion && resourceVersion !== undefined) return hit.pair;
      let pair: TlsPair;
      let rv = resourceVersion;
      try {
        const secret = await kubeRequest(
          kc,
          'GET',
          `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets/${encodeURIComponent(name)}`,
        );
        rv = (secret as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion ?? rv;
        pair = tlsPairFromSecret(secret);
      } catch (err) {
        // Not cached: a transient API error must not pin a listener as broken.
        return { error: `reading Secret ${key}: ${err instanceof Error ? err.message : String(err)}` };
      }
      // Cache under the version the informer reported, so the next pass hits unless it changed.
      cache.set(key, { rv: resourceVersion ?? rv, pair });
      return pair;
    },
    retain(keep) {
      for (const k of cache.keys()) if (!keep.has(k)) cache.delete(k);
    },
  };
}
