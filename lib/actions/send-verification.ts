'use server';

import { guardAction } from '@/lib/auth/guard-action';
import { verificationSendLimiter } from '@/lib/auth/rate-limit';
import { openSessionCookie } from '@/lib/auth/server-session';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { cookies, headers } from 'next/headers';
import { describeError } from '@/lib/k8s/errors';
import { issuesText, sendInputSchema } from '@/lib/k8s/verify-input';
import { verifyRequest } from '@/lib/k8s/verify-send';
import { findGateway, guardPolicyFor, loadVerifyWorld } from '@/lib/k8s/verify-targets';
import type { Result } from '@/lib/model/result';
import type { VerificationRequest } from '@/lib/verify/types';
import type { VerifyOutcome } from './verify-types';

/** The port the browser reached this console on: never a target (the console must not call itself). */
async function requestPort(): Promise<number[]> {
  const host = (await headers()).get('host') ?? '';
  const m = /:(\d{1,5})$/.exec(host);
  return m ? [Number(m[1])] : [];
}

/**
 * Sends one verification request (as edited by the user) through its Gateway and compares
 * the answer with the engine's prediction. The target is discovered on the server or typed
 * by the user; either way it is resolved once and checked by the outbound guard.
 */
export const sendVerificationRequest = guardAction(
  'send-verification',
  async (input: unknown): Promise<Result<VerifyOutcome>> => {
    const jar = await cookies();
    // guardAction let this through, so the session cookie opens; its id is the limit's key. Counted
    // before parsing: a flood of malformed requests is abuse too.
    const signedIn = openSessionCookie(jar.get(SESSION_COOKIE)?.value);
    const limitKey = signedIn.ok ? signedIn.session.id : 'no-session';
    if (!verificationSendLimiter.take(limitKey))
      return {
        ok: false,
        error: `Too many verification requests from this session: wait ${verificationSendLimiter.retryAfterSeconds(limitKey)} s, or use Verify all for many rules.`,
        code: 429,
      };
    const parsed = sendInputSchema.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        error: `Invalid verification request: ${issuesText(parsed.error)}. Fix the field and send again.`,
        code: 400,
      };
    const q = parsed.data;
    try {
      const world = await loadVerifyWorld(q.context);
      if (!findGateway(world, q.gateway)) {
        return {
          ok: false,
          error: `Gateway ${q.gateway} was not found in context ${world.context}: pick a rule of an existing Gateway.`,
          code: 404,
        };
      }
      const req: VerificationRequest = {
        scheme: q.scheme,
        host: q.host,
        port: q.port,
        method: q.method,
        path: q.path,
        headers: q.headers,
        ...(q.scheme === 'https' ? { sni: q.host } : {}),
        gateway: q.gateway,
        listener: q.listener,
        routeKind: q.routeKind,
        route: q.route,
        ruleIndex: q.ruleIndex,
        ...(q.matchIndex !== undefined ? { matchIndex: q.matchIndex } : {}),
        ...(q.http2 ? { http2: true } : {}),
        notes: [],
        needsInput: [],
      };
      const policy = await guardPolicyFor(world, await requestPort());
      const outcome = await verifyRequest(world, policy, req, {
        ...(q.target?.trim() ? { override: q.target.trim() } : {}),
        ...(q.followRedirects ? { followRedirects: true } : {}),
        ...(q.http2 !== undefined ? { http2: q.http2 } : {}),
      });
      return { ok: true, value: outcome };
    } catch (err) {
      return {
        ok: false,
        error: `Could not verify ${q.method} ${q.scheme}://${q.host}${q.path} through Gateway ${q.gateway}: ${describeError(err)}. Check that the cluster is reachable and try again.`,
      };
    }
  },
);
