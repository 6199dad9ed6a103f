/**
 * Cookie headers written and read by hand: route handlers and the guard work on plain `Request`s
 * and `Response`s, so the session code does not depend on where Next.js exposes cookies.
 */

/** Attributes of the session cookie (RFC 6265bis): never readable by scripts, never sent cross-site. */
export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/** A `Set-Cookie` value for `name=value`, HttpOnly, SameSite=Strict, Path=/, Secure when asked. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** A `Set-Cookie` value that deletes `name`. */
export function clearCookie(name: string, secure: boolean): string {
  return serializeCookie(name, '', { maxAgeSeconds: 0, secure });
}

/** The value of cookie `name` in a `Cookie` request header (the first one, as browsers send the most specific first). */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
