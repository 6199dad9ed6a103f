/** Options of the security headers (see csp.js). */
export interface SecurityHeaderOptions {
  /** `next dev`: allows eval (React dev call stacks) and the hot-reload WebSocket. */
  dev?: boolean;
  /** Per-request nonce: inline scripts need it instead of 'unsafe-inline'. */
  nonce?: string;
  /** Served over HTTPS end to end: adds HSTS and upgrade-insecure-requests. */
  https?: boolean;
}

/** One response header. */
export interface HeaderEntry {
  key: string;
  value: string;
}

/** The CSP directives, in a stable order. */
export function cspDirectives(options?: SecurityHeaderOptions): Array<[string, string[]]>;
/** The Content-Security-Policy header value. */
export function contentSecurityPolicy(options?: SecurityHeaderOptions): string;
/** Every security header of every response. */
export function securityHeaders(options?: SecurityHeaderOptions): HeaderEntry[];
/** The next.config.js `headers()` entries. */
export function nextHeaderRules(options?: SecurityHeaderOptions): Array<{ source: string; headers: HeaderEntry[] }>;
