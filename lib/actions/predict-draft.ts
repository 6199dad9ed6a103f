'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { z } from 'zod';
import type { PredictionLine } from '@/lib/authoring/prediction';
import { predictDraftObject } from '@/lib/k8s/apply-predict';
import { describeError } from '@/lib/k8s/errors';
import type { Result } from '@/lib/model/result';

const inputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  yaml: z
    .string()
    .min(1)
    .max(256 * 1024),
});

/** The engine's live prediction for a form's draft (read-only: nothing is written). */
export const predictDraft = guardAction('unaudited', async (input: unknown): Promise<Result<PredictionLine[]>> => {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'The draft is empty or too large to predict.', code: 400 };
  try {
    return { ok: true, value: await predictDraftObject(parsed.data.context, parsed.data.yaml) };
  } catch (err) {
    return { ok: false, error: `Could not predict the outcome: ${describeError(err)}.` };
  }
});
