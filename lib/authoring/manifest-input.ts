import { z } from 'zod';

/** Largest manifest accepted: the API server's own request limit is around 1.5 MiB; 1 MiB keeps room. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** Input of the dry-run and apply actions. */
export const manifestsInputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  yaml: z
    .string()
    .min(1, 'The editor is empty: paste or write at least one manifest.')
    .refine((s) => new TextEncoder().encode(s).length <= MAX_MANIFEST_BYTES, {
      message: `The manifest is larger than 1 MiB; split it into several applies.`,
    })
    .refine((s) => !s.includes('\uFFFD') && !/[\u0000-\u0008\u000E-\u001F]/.test(s), {
      message:
        'The text is not valid UTF-8 (it contains replacement or control characters, e.g. from a binary or UTF-16 paste); save it as UTF-8 and paste again.',
    }),
  force: z.boolean().optional(),
  expected: z.record(z.string().max(600), z.string().regex(/^\d+$/).max(40)).optional(),
});

/** The validated input. */
export type ManifestsInput = z.infer<typeof manifestsInputSchema>;

/** The first validation problem as one sentence. */
export function inputProblem(error: z.ZodError): string {
  return error.issues.map((i) => i.message).join('; ');
}
