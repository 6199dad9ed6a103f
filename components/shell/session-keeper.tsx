'use client';

import { useEffect } from 'react';
import { signInHref } from '@/lib/auth/sign-in-href';

/** How often an active page refreshes the session's idle clock (the server re-seals the cookie at most once a minute). */
const PING_EVERY_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

function consoleApiPath(input: RequestInfo | URL): string | undefined {
  try {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    return url.origin === window.location.origin && url.pathname.startsWith('/api/') ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a signed-in page honest about its session (issue #11 "Sessions expire"):
 * - while the user is active (pointer, keys, wheel), asks GET /api/auth/session at most once a minute,
 *   which moves the session's idle clock, so a page in use is not signed out under the user's hands;
 * - a 401 from any console fetch (this page's queries, the session check) sends the user to
 *   /sign-in?next=<this page>&reason=… with the sign-in page's sentence, instead of leaving a page whose
 *   every request fails. Server actions do the same from their guard (lib/auth/guard-action.ts).
 */
export function SessionKeeper() {
  useEffect(() => {
    let lastPing = Date.now();
    let active = false;
    let leaving = false;
    const original = window.fetch;
    const toSignIn = (reason: unknown) => {
      if (leaving) return;
      leaving = true;
      window.location.assign(
        signInHref(`${window.location.pathname}${window.location.search}`, typeof reason === 'string' ? reason : undefined),
      );
    };
    const guarded: typeof window.fetch = async (input, init) => {
      const res = await original(input, init);
      const path = res.status === 401 ? consoleApiPath(input) : undefined;
      if (path && !path.startsWith('/api/auth/sign-')) {
        const body = (await res
          .clone()
          .json()
          .catch(() => undefined)) as { reason?: unknown } | undefined;
        toSignIn(body?.reason);
      }
      return res;
    };
    window.fetch = guarded;
    const ping = () => {
      lastPing = Date.now();
      active = false;
      // A 401 is handled by `guarded`; a network failure is the pages' to report.
      void window.fetch('/api/auth/session', { cache: 'no-store' }).catch(() => undefined);
    };
    const onActivity = () => {
      active = true;
      // Back after a pause longer than the ping interval: check now (the session may have ended meanwhile).
      if (Date.now() - lastPing >= PING_EVERY_MS) ping();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') onActivity();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(() => {
      if (active) ping();
    }, PING_EVERY_MS);
    return () => {
      if (window.fetch === guarded) window.fetch = original;
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, []);
  return null;
}
