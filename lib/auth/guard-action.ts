import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Result } from '@/lib/model/result';
import { writeAudit } from './audit';
import { describeForAudit, type AuditedVerb } from './audit-describe';
import { trustProxy } from './guard';
import { originProblem, ownOrigin } from './origin';
import { authConfig, openSessionCookie, sessionCookie, touched } from './server-session';
import { problemText, SESSION_COOKIE } from './session';
import { pathOfUrl, signInHref } from './sign-in-href';
import { credentialProblem } from './token-check';

/**
 * Wraps a server action: it runs only for a signed-in user and only when the request's Origin is
 * the console's own (a missing Origin is refused, which Next.js itself lets through). Mutations
 * named by `verb` are written to the audit log with their outcome. Server actions are public POST
 * endpoints (ARCHITECTURE boundary 6), so every file in lib/actions exports its actions through this.
 */
export function guardAction<A extends unknown[], T>(
  verb: AuditedVerb | 'unaudited',
  action: (...args: A) => Promise<Result<T>>,
): (...args: A) => Promise<Result<T>> {
  return async (...args: A) => {
    const config = authConfig();
    const [jar, head] = await Promise.all([cookies(), headers()]);
    const audit = (user: string, session: string | undefined, result: Result<T>, denied = false) => {
      if (verb === 'unaudited') return;
      const described = describeForAudit(verb, args[0], result);
      writeAudit({
        time: new Date().toISOString(),
        context: described.context ?? 'current',
        user,
        ...(session ? { session } : {}),
        verb: described.verb,
        objects: described.objects,
        result: denied ? 'denied' : result.ok ? 'ok' : 'error',
        ...(!result.ok && result.code ? { code: result.code } : {}),
        ...(!result.ok ? { message: result.error } : {}),
      });
    };
    const originIssue = originProblem(head, ownOrigin(head, undefined, trustProxy()), config.allowedOrigins);
    if (originIssue) {
      const refused: Result<T> = { ok: false, error: originIssue, code: 403 };
      audit('unknown', undefined, refused, true);
      return refused;
    }
    const opened = openSessionCookie(jar.get(SESSION_COOKIE)?.value, config);
    const problem = opened.ok ? await credentialProblem(opened.session) : problemText[opened.problem];
    if (!opened.ok || problem) {
      if (opened.ok) jar.delete(SESSION_COOKIE);
      const refused: Result<T> = { ok: false, error: problem ?? problemText.missing, code: 401 };
      audit(opened.ok ? opened.session.user : 'anonymous', undefined, refused, true);
      // Called by the console's own router (it sends its state tree): go to sign-in and come back to
      // this page, rather than leave a page whose every action fails. Other callers get the 401 Result.
      if (head.get('next-router-state-tree'))
        redirect(signInHref(pathOfUrl(head.get('referer')), opened.ok ? 'revoked' : opened.problem));
      return refused;
    }
    const fresh = touched(opened.session);
    if (fresh) {
      const c = sessionCookie(fresh, config);
      jar.set(c.name, c.value, { httpOnly: true, sameSite: 'strict', secure: c.secure, path: '/', maxAge: c.maxAgeSeconds });
    }
    const result = await action(...args);
    audit(opened.session.user, opened.session.id, result);
    return result;
  };
}
