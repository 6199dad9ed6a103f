/**
 * The console's security response headers for TypeScript callers (tests, a future per-request
 * nonce proxy). The policy itself lives in csp.js so that next.config.js, which is CommonJS,
 * sends exactly the same headers.
 */
import csp from './csp.js';
import type { HeaderEntry, SecurityHeaderOptions } from './csp.js';

export type { HeaderEntry, SecurityHeaderOptions };

/** The Content-Security-Policy header value for `options`. */
export function contentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
  return csp.contentSecurityPolicy(options);
}

/** Every security header the console sends on every response, in a stable order. */
export function securityHeaders(options: SecurityHeaderOptions = {}): HeaderEntry[] {
  return csp.securityHeaders(options);
}

/**
 * Parses a Content-Security-Policy value into directive name → source list, following CSP3
 * §2.2.1 "parse a serialized CSP": directives split on ";", names are case-insensitive, and
 * only the first occurrence of a directive counts.
 */
export function parseContentSecurityPolicy(value: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const raw of value.split(';')) {
    const tokens = raw
      .trim()
      .split(/[\t\n\f\r ]+/)
      .filter(Boolean);
    const [name, ...sources] = tokens;
    if (!name) continue;
    const key = name.toLowerCase();
    if (!out.has(key)) out.set(key, sources);
  }
  return out;
}
