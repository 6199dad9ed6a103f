import 'server-only';
import { reviewToken } from '@/lib/k8s/user-credentials';
import { K8sApiError } from '@/lib/k8s/request';
import { credentialId, type Session } from './session';

/** A token's review is trusted this long; a revoked token stops working within it. */
const REVIEW_TTL_MS = 60_000;
const reviews = ((globalThis as { __porticoTokenReviews?: Map<string, { at: number; user?: string }> }).__porticoTokenReviews ??=
  new Map());

/**
 * Undefined while the session's credential is still good; otherwise why it is not. In `token` and
 * `oidc` modes the bearer token (id-token) is reviewed again (SelfSubjectReview, cached a minute): a revoked token, or one
 * that now names another user, ends the session.
 */
export async function credentialProblem(session: Session, now = Date.now()): Promise<string | undefined> {
  if (session.mode === 'local' || !session.token) return undefined;
  const key = credentialId(session.token);
  let entry = reviews.get(key);
  if (!entry || now - entry.at > REVIEW_TTL_MS) {
    try {
      const who = await reviewToken(session.token);
      entry = { at: now, user: who.username };
    } catch (err) {
      // Only the API's own verdict ends a session; an unreachable API is reported by the page instead.
      if (!(err instanceof K8sApiError) || err.code !== 401) return undefined;
      entry = { at: now };
    }
    reviews.set(key, entry);
    if (reviews.size > 1000) reviews.delete(reviews.keys().next().value as string);
  }
  if (entry.user === undefined) return 'Your Kubernetes token is no longer accepted by the cluster: sign in with a valid token.';
  if (entry.user !== session.user) return 'Your Kubernetes token now belongs to another user: sign in again.';
  return undefined;
}
