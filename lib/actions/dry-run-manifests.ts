'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { runManifests } from '@/lib/k8s/apply';
import { impactOfApply } from '@/lib/k8s/apply-impact';
import { describeError } from '@/lib/k8s/errors';
import type { ManifestsOutcome } from '@/lib/authoring/types';
import type { Result } from '@/lib/model/result';
import { inputProblem, manifestsInputSchema } from '@/lib/authoring/manifest-input';

/**
 * Server-side dry run (`dryRun=All`) of every document, with the live and resulting objects for
 * the diff and the engine's change impact, so a reviewer sees what would break before applying.
 */
export const dryRunManifests = guardAction('unaudited', async (input: unknown): Promise<Result<ManifestsOutcome>> => {
  const parsed = manifestsInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: inputProblem(parsed.error), code: 400 };
  try {
    const { outcome, objects } = await runManifests({ ...parsed.data, dryRun: true });
    if (objects.some((o) => o.apiVersion?.startsWith('gateway.networking.k8s.io/'))) {
      try {
        outcome.impact = await impactOfApply(parsed.data.context, objects);
      } catch (err) {
        outcome.impactError = `The change impact could not be computed: ${describeError(err)}.`;
      }
    }
    return { ok: true, value: outcome };
  } catch (err) {
    return { ok: false, error: `Could not dry-run the manifest: ${describeError(err)}. Check the cluster connection and retry.` };
  }
});
