/**
 * Where to go after signing in: only a path of this console. An absolute URL, a scheme-relative
 * `//host` or a backslash trick (`/\host`, which browsers treat as `//host`) would make sign-in an
 * open redirect, so anything but a plain local path becomes `/`.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || /[\r\n\t\\]/.test(raw)) return '/';
  if (raw.startsWith('/api/') || raw.startsWith('/sign-in') || raw.startsWith('/sign-out')) return '/';
  return raw;
}
