import { z } from 'zod';
import { dns1123Label, dns1123Subdomain, hostnamePattern } from '@/lib/model/k8s-names';

/**
 * Input of the certificate actions. PEM fields may be larger than the library accepts so that its
 * precise size message, not a generic one, reaches the user.
 */
export const tlsSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('upload'),
    certPem: z.string().max(8 * 1024 * 1024),
    keyPem: z.string().max(8 * 1024 * 1024),
    passphrase: z.string().max(1024).optional(),
  }),
  z.object({
    kind: z.literal('generate'),
    hostnames: z
      .array(z.string().regex(hostnamePattern, 'must be a hostname such as a.aliyun.com or *.aliyun.com'))
      .min(1)
      .max(20),
    keyType: z.enum(['ecdsa-p256', 'rsa2048']).default('ecdsa-p256'),
    days: z.number().int().min(1).max(825).default(365),
    withCa: z.boolean().default(false),
  }),
]);

export const tlsSecretInputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  namespace: z.string().max(63).regex(dns1123Label, 'must be a valid namespace name'),
  name: z.string().max(253).regex(dns1123Subdomain, 'must be lower-case letters, digits, "-" and "."'),
  source: tlsSourceSchema,
  /** Set to rotate an existing Secret: the resourceVersion the user saw. */
  replaceResourceVersion: z.string().regex(/^\d+$/).optional(),
});

export type TlsSecretInput = z.infer<typeof tlsSecretInputSchema>;
