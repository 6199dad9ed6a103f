'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { describeError } from '@/lib/k8s/errors';
import { deleteSecret } from '@/lib/k8s/secrets';
import { dns1123Label, dns1123Subdomain } from '@/lib/model/k8s-names';
import type { Result } from '@/lib/model/result';

const inputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  namespace: z.string().regex(dns1123Label),
  name: z.string().max(253).regex(dns1123Subdomain),
  resourceVersion: z.string().regex(/^\d+$/).optional(),
});

/** Deletes a TLS Secret the user confirmed, only if unchanged since they saw it. */
export const deleteTlsSecret = guardAction('delete-tls-secret', async (input: unknown): Promise<Result<null>> => {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: `Invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`, code: 400 };
  const { namespace, name, resourceVersion, context } = parsed.data;
  try {
    await deleteSecret(namespace, name, resourceVersion, context);
  } catch (err) {
    return {
      ok: false,
      error: `Could not delete Secret ${namespace}/${name}: ${describeError(err)}. Reload the list to see its current state.`,
    };
  }
  revalidatePath('/certificates');
  return { ok: true, value: null };
});
