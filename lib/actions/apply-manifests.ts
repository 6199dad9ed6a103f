'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { revalidatePath } from 'next/cache';
import { runManifests } from '@/lib/k8s/apply';
import { describeError } from '@/lib/k8s/errors';
import type { ManifestsOutcome } from '@/lib/authoring/types';
import type { Result } from '@/lib/model/result';
import { inputProblem, manifestsInputSchema } from '@/lib/authoring/manifest-input';

/**
 * Applies every document with server-side apply (field manager `portico`), recording each
 * replaced object's previous version in its history, and reports per document like kubectl.
 * A resourceVersion newer than the one in `expected` refuses the write unless `force` is set.
 */
export const applyManifests = guardAction('apply', async (input: unknown): Promise<Result<ManifestsOutcome>> => {
  const parsed = manifestsInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: inputProblem(parsed.error), code: 400 };
  try {
    const { outcome } = await runManifests({ ...parsed.data, dryRun: false });
    if (outcome.documents.some((d) => d.outcome === 'created' || d.outcome === 'configured')) {
      revalidatePath('/', 'layout');
    }
    return { ok: true, value: outcome };
  } catch (err) {
    return { ok: false, error: `Could not apply the manifest: ${describeError(err)}. Check the cluster connection and retry.` };
  }
});
