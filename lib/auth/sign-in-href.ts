/**
 * Where a page sends the user when the console refuses their session (401): the sign-in page, with
 * the page to come back to and why, so the sign-in page can say it. Pure and free of node:* so the
 * browser (the session keeper) and the server (the action guard) build the same address.
 */
import { safeNextPath } from './next-path';

/** Reasons the sign-in page has a sentence for (SessionProblem keys and `revoked`). */
const KNOWN_REASONS = new Set(['missing', 'invalid', 'idle', 'expired', 'credential-changed', 'revoked']);

/**
 * `/sign-in?next=<path>&reason=<why>`. `path` is the current path with its query (anything but a
 * local console path becomes `/`); an unknown `reason` becomes `missing` ("Sign in to use Portico.").
 */
export function signInHref(path: string | null | undefined, reason?: string | null): string {
  const why = reason && KNOWN_REASONS.has(reason) ? reason : 'missing';
  return `/sign-in?${new URLSearchParams({ next: safeNextPath(path), reason: why })}`;
}

/** The local path (with query) of a Referer header value, or undefined when it is not a URL. */
export function pathOfUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return undefined;
  }
}
