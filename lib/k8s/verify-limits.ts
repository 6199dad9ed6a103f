/**
 * Per-session limits of the verification endpoints: they make outbound requests, so a
 * browser tab (or a script holding its cookie) may not turn the console into a load
 * generator. In memory: one console process serves its own sessions.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';

/** Cookie naming the verification session (random, not a credential). */
export const VERIFY_SESSION_COOKIE = 'portico-verify-session';
/** Single sends allowed per session in {@link WINDOW_MS}. */
export const SENDS_PER_WINDOW = 30;
const WINDOW_MS = 10_000;
/** Verify-all runs a session may have in flight at once. */
export const RUNS_PER_SESSION = 2;

const sends = new Map<string, number[]>();
const runs = new Map<string, number>();

/** A session id from the cookie value, or a new one to set. */
export function sessionId(cookie: string | undefined): { id: string; fresh: boolean } {
  return cookie && /^[0-9a-f-]{36}$/.test(cookie) ? { id: cookie, fresh: false } : { id: randomUUID(), fresh: true };
}

/** Records a single send; false when the session is over its budget (sliding window). */
export function takeSend(session: string, now = Date.now()): boolean {
  const recent = (sends.get(session) ?? []).filter((t) => now - t < WINDOW_MS);
  if (recent.length >= SENDS_PER_WINDOW) {
    sends.set(session, recent);
    return false;
  }
  recent.push(now);
  sends.set(session, recent);
  if (sends.size > 10_000) sends.delete(sends.keys().next().value as string);
  return true;
}

/** Starts a verify-all run; returns its release function, or undefined when too many run already. */
export function startRun(session: string): (() => void) | undefined {
  const n = runs.get(session) ?? 0;
  if (n >= RUNS_PER_SESSION) return undefined;
  runs.set(session, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (runs.get(session) ?? 1) - 1;
    if (left <= 0) runs.delete(session);
    else runs.set(session, left);
  };
}
