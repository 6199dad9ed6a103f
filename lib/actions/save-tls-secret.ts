'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { revalidatePath } from 'next/cache';
import {
  generateCaAndLeaf,
  generateSelfSigned,
  tlsSecretManifest,
  validateTlsUpload,
  type CertificateSummary,
  type HostnameCoverage,
} from '@/lib/certs';
import { listenerHostnamesFor } from '@/lib/k8s/certificates';
import { describeError } from '@/lib/k8s/errors';
import { K8sApiError } from '@/lib/k8s/request';
import { createSecret, replaceSecret } from '@/lib/k8s/secrets';
import type { Result } from '@/lib/model/result';
import { tlsSecretInputSchema } from './tls-input';

export interface SavedTlsSecret {
  summary: CertificateSummary;
  coverage: HostnameCoverage[];
}

/**
 * Creates (or, with replaceResourceVersion, rotates) a `kubernetes.io/tls` Secret from an uploaded
 * PEM pair or a generated self-signed certificate. Everything is checked before anything is
 * written; the private key is never returned.
 */
export const saveTlsSecret = guardAction('save-tls-secret', async (input: unknown): Promise<Result<SavedTlsSecret>> => {
  const parsed = tlsSecretInputSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      code: 400,
    };
  const { namespace, name, source, context, replaceResourceVersion } = parsed.data;
  const pair =
    source.kind === 'upload'
      ? { certPem: source.certPem, keyPem: source.keyPem, ...(source.passphrase ? { passphrase: source.passphrase } : {}) }
      : await generate(source.hostnames, source.keyType, source.days, source.withCa);
  const listenerHostnames = await listenerHostnamesFor(namespace, name, context).catch(() => []);
  const checked = validateTlsUpload({ ...pair, listenerHostnames });
  if (!checked.ok)
    return {
      ok: false,
      error: checked.errors.map((e) => `${e.field === 'cert' ? 'Certificate' : 'Private key'}: ${e.message}`).join(' '),
      code: 422,
    };
  const annotations =
    source.kind === 'generate'
      ? { 'portico.dev/generated': 'self-signed certificate for testing; replace it before production use' }
      : undefined;
  const manifest = tlsSecretManifest({ name, namespace, ...checked.toStore, ...(annotations ? { annotations } : {}) });
  try {
    if (replaceResourceVersion) await replaceSecret(manifest, replaceResourceVersion, context);
    else await createSecret(manifest, context);
  } catch (err) {
    const code = err instanceof K8sApiError ? err.code : undefined;
    const verb = replaceResourceVersion ? 'replace' : 'create';
    const hint =
      code === 409 && !replaceResourceVersion
        ? ' A Secret of that name exists: choose another name, or use Replace on it.'
        : code === 409
          ? ' The Secret changed since you opened it: reload the list and try again.'
          : code === 404
            ? ` Namespace ${namespace} does not exist.`
            : code === 403
              ? ` Your credentials may not ${verb} secrets in ${namespace}.`
              : '';
    return {
      ok: false,
      error: `Could not ${verb} Secret ${namespace}/${name}: ${describeError(err)}.${hint}`,
      ...(code ? { code } : {}),
    };
  }
  revalidatePath('/certificates');
  return { ok: true, value: { summary: checked.summary, coverage: checked.coverage } };
});

async function generate(hostnames: string[], keyType: 'ecdsa-p256' | 'rsa2048', days: number, withCa: boolean) {
  if (!withCa) return generateSelfSigned({ hostnames, keyType, days });
  const { certPem, caCertPem, keyPem } = await generateCaAndLeaf({ hostnames, keyType, days });
  // The Secret carries leaf then CA, so clients can build the chain.
  return { certPem: `${certPem.trim()}\n${caCertPem.trim()}\n`, keyPem };
}
