'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { deleteFromCluster, previewDelete } from '@/lib/k8s/delete-object';
import { describeError } from '@/lib/k8s/errors';
import { K8sApiError } from '@/lib/k8s/request';
import { deletableKinds, type DeleteOutcome, type DeletePreview } from '@/lib/model/delete';
import type { Result } from '@/lib/model/result';

// RFC 1123 names as Kubernetes validates them (ObjectMeta name and namespace).
const dnsName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a Kubernetes object name');
const targetSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  kind: z.enum(deletableKinds),
  namespace: dnsName,
  name: dnsName,
});
const deleteSchema = targetSchema.extend({ resourceVersion: z.string().regex(/^\d+$/).optional() });

const label = (t: { kind: string; namespace: string; name: string }) => `${t.kind} ${t.namespace}/${t.name}`;

/** What deleting an object would affect, for the confirmation (reads only). */
export const previewDeleteObject = guardAction('unaudited', async (input: unknown): Promise<Result<DeletePreview>> => {
  const parsed = targetSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: `Invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`, code: 400 };
  try {
    const preview = await previewDelete(parsed.data);
    if (!preview) return { ok: false, error: `${label(parsed.data)} no longer exists: it was deleted already.`, code: 404 };
    return { ok: true, value: preview };
  } catch (err) {
    return { ok: false, error: `Could not read ${label(parsed.data)} before deleting it: ${describeError(err)}` };
  }
});

/** Deletes a Gateway, HTTPRoute, GRPCRoute or ReferenceGrant the user confirmed, and reports what the API then holds. */
export const deleteObject = guardAction('delete-object', async (input: unknown): Promise<Result<DeleteOutcome>> => {
  const parsed = deleteSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: `Invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`, code: 400 };
  try {
    const outcome = await deleteFromCluster(parsed.data);
    revalidatePath('/', 'layout');
    return { ok: true, value: outcome };
  } catch (err) {
    const code = err instanceof K8sApiError ? err.code : undefined;
    const hint =
      code === 409
        ? ' It changed since you opened the confirmation; review the current version and delete again.'
        : code === 404
          ? ' It was already deleted.'
          : '';
    return {
      ok: false,
      error: `Could not delete ${label(parsed.data)}: ${describeError(err)}${hint}`,
      ...(code ? { code } : {}),
    };
  }
});
