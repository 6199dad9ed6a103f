'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { contextCookie } from '@/lib/k8s/context-choice';
import { knownContexts } from '@/lib/k8s/current-context';
import type { Result } from '@/lib/model/result';

const inputSchema = z.object({ context: z.string().min(1).max(253) });

/** A year: the choice is a preference of this browser, not a session. */
const maxAgeSeconds = 365 * 24 * 3600;

/**
 * Makes a kubeconfig context this browser's current one. The name is checked against the contexts the
 * server knows, so a browser can never point the console at a cluster the operator did not configure.
 */
export const selectContext = guardAction('unaudited', async (input: unknown): Promise<Result<{ context: string }>> => {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Invalid request: a context name is required.', code: 400 };
  const known = knownContexts();
  const { context } = parsed.data;
  if (!known.includes(context)) {
    return {
      ok: false,
      error: `Could not switch to context ${context}: the kubeconfig has no such context (known: ${known.join(', ') || 'none'}). Reload the page to see the current list.`,
      code: 404,
    };
  }
  (await cookies()).set(contextCookie, context, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: maxAgeSeconds });
  revalidatePath('/', 'layout');
  return { ok: true, value: { context } };
});
