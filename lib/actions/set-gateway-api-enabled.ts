'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { describeError } from '@/lib/k8s/errors';
import { patchGatewayApiEnabled } from '@/lib/k8s/mesh-config';
import { K8sApiError } from '@/lib/k8s/request';
import type { Result } from '@/lib/model/result';

const inputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  enabled: z.boolean(),
  resourceVersion: z.string().regex(/^\d+$/).optional(),
});

/** Turns Gateway API support of the ASM mesh on or off (the walkthrough's step 2). */
export const setGatewayApiEnabled = guardAction(
  'set-gateway-api',
  async (input: unknown): Promise<Result<{ enabled: boolean; resourceVersion: string }>> => {
    const parsed = inputSchema.safeParse(input);
    if (!parsed.success)
      return { ok: false, error: `Invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`, code: 400 };
    try {
      const value = await patchGatewayApiEnabled(parsed.data);
      revalidatePath('/');
      return { ok: true, value };
    } catch (err) {
      const code = err instanceof K8sApiError ? err.code : undefined;
      const verb = parsed.data.enabled ? 'enable' : 'disable';
      const hint =
        code === 409
          ? ' Someone changed the mesh configuration since this page loaded; the page now shows the current state, try again.'
          : code === 403
            ? ' Your credentials may not update asmmeshconfigs (verb: patch, resource: asmmeshconfigs.istio.alibabacloud.com).'
            : '';
      return {
        ok: false,
        error: `Could not ${verb} Gateway API on ASMMeshConfig/default: ${describeError(err)}.${hint}`,
        ...(code ? { code } : {}),
      };
    }
  },
);
