// @ts-check
/**
 * The console's Content-Security-Policy and the other security response headers, as plain
 * CommonJS so next.config.js (CommonJS, loaded by Next before any TypeScript is compiled) can
 * require it. Pure: the same options always give the same headers. Typed for TypeScript callers
 * by csp.d.ts; lib/security/headers.ts is the typed entry point for the rest of the code.
 */
'use strict';

/**
 * @typedef {object} SecurityHeaderOptions
 * @property {boolean} [dev] `next dev`: React's development build evaluates code for its call stacks
 *   and the dev server's hot reload talks over a WebSocket, so both are allowed only there.
 * @property {string} [nonce] Per-request nonce (base64). With a nonce, inline scripts need it
 *   ('strict-dynamic' lets those scripts load the app's chunks); without one, Next.js's inline
 *   bootstrap scripts need 'unsafe-inline'. Setting a nonce requires rendering every page per request.
 * @property {boolean} [https] The console is served over HTTPS end to end: adds Strict-Transport-Security
 *   and upgrade-insecure-requests. Off by default because local mode serves http://127.0.0.1.
 */

/**
 * The CSP directives, in a stable order.
 * @param {SecurityHeaderOptions} [options]
 * @returns {Array<[string, string[]]>}
 */
function cspDirectives(options = {}) {
  const { dev = false, nonce, https = false } = options;
  const scripts = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  // Monaco (ESM build, 0.5x) and the YAML language worker need no eval; only React's dev build does.
  if (dev) scripts.push("'unsafe-eval'");
  /** @type {Array<[string, string[]]>} */
  const directives = [
    ['default-src', ["'self'"]],
    ['script-src', scripts],
    // Next.js and Monaco inject <style> elements and style attributes at run time.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    // Monaco's codicon font ships as a file; some builds inline small fonts as data: URLs.
    ['font-src', ["'self'", 'data:']],
    // Reads, server actions and the SSE watch stream all go to our own origin; nothing else.
    ['connect-src', dev ? ["'self'", 'ws:', 'wss:'] : ["'self'"]],
    // Monaco's editor and YAML workers and the ELK layout worker come from our own origin;
    // Monaco falls back to a blob: bootstrap when a worker URL needs wrapping.
    ['worker-src', ["'self'", 'blob:']],
    // child-src is what browsers without worker-src (Safari before 15.5) use for workers.
    ['child-src', ["'self'", 'blob:']],
    ['frame-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    // Server actions post to the page's own origin.
    ['form-action', ["'self'"]],
    ['manifest-src', ["'self'"]],
  ];
  if (https) directives.push(['upgrade-insecure-requests', []]);
  return directives;
}

/**
 * The Content-Security-Policy header value.
 * @param {SecurityHeaderOptions} [options]
 * @returns {string}
 */
function contentSecurityPolicy(options = {}) {
  return cspDirectives(options)
    .map(([name, values]) => (values.length ? `${name} ${values.join(' ')}` : name))
    .join('; ');
}

/**
 * Every security header the console sends on every response, as Next.js `headers()` wants them.
 * @param {SecurityHeaderOptions} [options]
 * @returns {Array<{ key: string; value: string }>}
 */
function securityHeaders(options = {}) {
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Console URLs carry namespaces, object names and (in local mode) the sign-in token: never leak them to
    // another site. Not `no-referrer`: under it browsers send `Origin: null` on the console's own POSTs
    // (Fetch §3.1 "append a request Origin header"), and the session guard refuses mutations without an Origin.
    { key: 'Referrer-Policy', value: 'same-origin' },
    // For browsers that predate frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()',
    },
  ];
  if (options.https) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' });
  return headers;
}

/**
 * The `headers()` entries of next.config.js: the security headers on every path.
 * @param {SecurityHeaderOptions} [options]
 * @returns {Array<{ source: string; headers: Array<{ key: string; value: string }> }>}
 */
function nextHeaderRules(options = {}) {
  return [{ source: '/:path*', headers: securityHeaders(options) }];
}

module.exports = { cspDirectives, contentSecurityPolicy, securityHeaders, nextHeaderRules };
