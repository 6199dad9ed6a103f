import type { Metadata } from 'next';
import styles from '../sign-in/sign-in.module.css';

export const metadata: Metadata = { title: 'Sign out' };

/** Confirms sign-out: a POST from this page (a link or GET cannot sign anyone out cross-site). */
export default function SignOutPage() {
  return (
    <main className={styles.page}>
      <form className={styles.card} method="post" action="/api/auth/sign-out" aria-labelledby="sign-out-title">
        <h1 id="sign-out-title">Sign out of Portico</h1>
        <p className="muted">Your session ends on this browser. Other sessions of the same token are not affected.</p>
        <button type="submit" className="button">
          Sign out
        </button>
      </form>
    </main>
  );
}
