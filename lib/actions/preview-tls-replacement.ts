'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { z } from 'zod';
import { coverageReport, validateTlsUpload, type HostnameCoverage } from '@/lib/certs';
import { listenerHostnamesFor } from '@/lib/k8s/certificates';
import { dns1123Label, dns1123Subdomain } from '@/lib/model/k8s-names';
import type { Result } from '@/lib/model/result';
import { tlsSourceSchema } from './tls-input';

/** The certificate a replacement would store, as the side-by-side comparison shows it. No key material. */
export interface ReplacementPreview {
  subjectCN: string | null;
  sans: string[];
  issuer: string;
  selfSigned: boolean;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  /** True for a certificate still to be generated on save: its validity starts when it is saved. */
  planned: boolean;
  /** Coverage of the hostnames of the listeners referencing the Secret by the new SANs. */
  coverage: HostnameCoverage[];
}

const inputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  namespace: z.string().max(63).regex(dns1123Label, 'must be a valid namespace name'),
  name: z.string().max(253).regex(dns1123Subdomain, 'must be lower-case letters, digits, "-" and "."'),
  source: tlsSourceSchema,
});

const DAY_MS = 86_400_000;

/**
 * Checks a replacement certificate for a TLS Secret without writing anything: an upload is
 * validated as on save (PEM, chain order, key match) and summarized; a certificate to generate
 * is described by what it will hold. Either way the listener hostnames it covers are reported.
 */
export const previewTlsReplacement = guardAction('unaudited', async (input: unknown): Promise<Result<ReplacementPreview>> => {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      code: 400,
    };
  const { namespace, name, source, context } = parsed.data;
  const listenerHostnames = await listenerHostnamesFor(namespace, name, context).catch(() => []);
  if (source.kind === 'generate') {
    const now = Date.now();
    return {
      ok: true,
      value: {
        subjectCN: source.hostnames[0] ?? null,
        sans: source.hostnames,
        issuer: 'itself (self-signed, for testing)',
        selfSigned: true,
        notBefore: new Date(now).toISOString(),
        notAfter: new Date(now + source.days * DAY_MS).toISOString(),
        daysLeft: source.days,
        planned: true,
        coverage: coverageReport(source.hostnames, listenerHostnames),
      },
    };
  }
  const checked = validateTlsUpload({
    certPem: source.certPem,
    keyPem: source.keyPem,
    ...(source.passphrase ? { passphrase: source.passphrase } : {}),
    listenerHostnames,
  });
  if (!checked.ok)
    return {
      ok: false,
      error: checked.errors.map((e) => `${e.field === 'cert' ? 'Certificate' : 'Private key'}: ${e.message}`).join(' '),
      code: 422,
    };
  const leaf = checked.summary.leaf;
  if (!leaf) return { ok: false, error: 'Certificate: no certificate could be read.', code: 422 };
  return {
    ok: true,
    value: {
      subjectCN: leaf.subjectCN,
      sans: leaf.sans,
      issuer: leaf.issuerCN ?? leaf.issuer,
      selfSigned: leaf.selfSigned,
      notBefore: leaf.notBefore,
      notAfter: leaf.notAfter,
      daysLeft: leaf.daysLeft,
      planned: false,
      coverage: checked.coverage,
    },
  };
});
