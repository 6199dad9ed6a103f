import type { Metadata } from 'next';
import { authConfig } from '@/lib/auth/server-session';
import { safeNextPath } from '@/lib/auth/next-path';
import { issuerHost } from '@/lib/auth/oidc-client';
import { problemText, type SessionProblem } from '@/lib/auth/session';
import styles from './sign-in.module.css';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const reasons: Record<string, string> = {
  ...problemText,
  revoked: 'Your credential is no longer accepted by the cluster: sign in again.',
  'signed-out': 'You are signed out.',
} satisfies Record<SessionProblem | 'revoked' | 'signed-out', string>;

/**
 * The only page served without a session: exchanges an access token (local) or a Kubernetes token
 * for one, or (OIDC mode) links to the issuer's sign-in.
 */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  const next = safeNextPath(one('next'));
  const error = one('error')?.slice(0, 300);
  const reason = one('reason');
  const { mode, oidc } = authConfig();
  const label = mode === 'local' ? 'Access token' : 'Kubernetes bearer token';
  const notice = error ? (
    <p className="inline-error" role="alert">
      {error}
    </p>
  ) : reason && reasons[reason] ? (
    <p className="inline-warning" role="status">
      {reasons[reason]}
    </p>
  ) : null;
  if (mode === 'oidc' && oidc)
    return (
      <main className={styles.page}>
        <section className={styles.card} aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">Sign in to Portico</h1>
          {notice}
          <p className="muted">
            Sign in with your organisation’s account. The console then acts on the cluster with your own rights; your id-token
            stays on the server, in your encrypted session.
          </p>
          <a className="button" href={`/api/auth/oidc/start?${new URLSearchParams({ next })}`}>
            Sign in with {issuerHost(oidc)}
          </a>
        </section>
      </main>
    );
  return (
    <main className={styles.page}>
      <form className={styles.card} method="post" action="/api/auth/sign-in" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Portico</h1>
        {notice}
        <p className="muted">
          {mode === 'local'
            ? 'Open the link `npm start` printed (it ends in ?token=…), or paste the token from it here.'
            : 'Paste a Kubernetes bearer token (a ServiceAccount token from `kubectl create token`, or an OIDC id-token). The console acts with its rights; the token stays on the server, in your encrypted session.'}
        </p>
        <label className={styles.field}>
          <span>{label}</span>
          <input name="token" type="password" autoComplete="off" spellCheck={false} required autoFocus />
        </label>
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="button">
          Sign in
        </button>
      </form>
    </main>
  );
}
