'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { encodeRoles, rolesCookie } from '@/lib/k8s/context-choice';
import { knownContexts } from '@/lib/k8s/current-context';
import type { ClusterRoles } from '@/lib/model/cluster';
import type { Result } from '@/lib/model/result';

const name = z.string().min(1).max(253);
const inputSchema = z.object({ mesh: name, dataPlanes: z.array(name).min(1, 'mark at least one data-plane cluster').max(50) });

const maxAgeSeconds = 365 * 24 * 3600;

/**
 * Remembers, for this browser, which context is the ASM mesh instance (where the enableGatewayAPI
 * toggle acts) and which contexts are data-plane clusters (compared for Gateways defined twice).
 */
export const setContextRoles = guardAction('unaudited', async (input: unknown): Promise<Result<ClusterRoles>> => {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: `Invalid cluster roles: ${parsed.error.issues.map((i) => i.message).join('; ')}`, code: 400 };
  const known = knownContexts();
  const roles = { mesh: parsed.data.mesh, dataPlanes: [...new Set(parsed.data.dataPlanes)] };
  const unknown = [roles.mesh, ...roles.dataPlanes].filter((c) => !known.includes(c));
  if (unknown.length) {
    return {
      ok: false,
      error: `Could not save cluster roles: the kubeconfig has no context named ${unknown.join(', ')}. Reload the page to see the current list.`,
      code: 404,
    };
  }
  (await cookies()).set(rolesCookie, encodeRoles(roles), { path: '/', sameSite: 'lax', httpOnly: true, maxAge: maxAgeSeconds });
  revalidatePath('/', 'layout');
  return { ok: true, value: roles };
});
