import type { Session } from './session';

/** The session as the browser may see it: who, how, until when. Never the credential. */
export interface SessionView {
  user: string;
  groups: string[];
  mode: Session['mode'];
  /** ISO time the session ends regardless of use. */
  expiresAt: string;
}

/** {@link SessionView} of `session` under an absolute limit of `maxAgeMs`. */
export function sessionView(session: Session, maxAgeMs: number): SessionView {
  return {
    user: session.user,
    groups: session.groups,
    mode: session.mode,
    expiresAt: new Date(Math.min(session.issuedAt + maxAgeMs, session.expiresAt ?? Infinity)).toISOString(),
  };
}
