/**
 * The status httpbin gives a path, so a forward to httpbin has an exact expected status. The
 * table mirrors httpbin's documented endpoints (https://httpbin.org): each answers 200 for its
 * methods, `/status/N` answers N, an endpoint asked with another method answers 405. Pure.
 */

/** An httpbin endpoint: its path and the methods it serves (undefined: every method). */
interface KnownEndpoint {
  pattern: RegExp;
  methods?: readonly string[];
}

const GET = ['GET'] as const;

const ENDPOINTS: readonly KnownEndpoint[] = [
  { pattern: /^\/get\/?$/, methods: GET },
  { pattern: /^\/anything(\/.*)?$/ },
  { pattern: /^\/post\/?$/, methods: ['POST'] },
  { pattern: /^\/put\/?$/, methods: ['PUT'] },
  { pattern: /^\/patch\/?$/, methods: ['PATCH'] },
  { pattern: /^\/delete\/?$/, methods: ['DELETE'] },
  { pattern: /^\/headers\/?$/ },
  { pattern: /^\/ip\/?$/ },
  { pattern: /^\/user-agent\/?$/ },
  { pattern: /^\/uuid\/?$/ },
  { pattern: /^\/delay\/\d+(\.\d+)?\/?$/ },
  { pattern: /^\/response-headers\/?$/, methods: ['GET', 'POST'] },
  { pattern: /^\/bytes\/\d+\/?$/, methods: GET },
  { pattern: /^\/stream\/\d+\/?$/, methods: GET },
  { pattern: /^\/?$/, methods: GET },
];

/**
 * The status httpbin answers `method path` with (path without query), or undefined when it is
 * not one of the endpoints above (redirect and cookie endpoints are left to the response).
 * HEAD is served wherever GET is, OPTIONS everywhere (CORS preflight).
 */
export function httpbinStatusFor(method: string, path: string): number | undefined {
  const m = /^\/status\/(\d{3})\/?$/.exec(path);
  if (m) return Number(m[1]);
  const verb = method.toUpperCase();
  const ep = ENDPOINTS.find((e) => e.pattern.test(path));
  if (!ep) return undefined;
  if (!ep.methods || verb === 'OPTIONS') return 200;
  if (ep.methods.includes(verb) || (verb === 'HEAD' && ep.methods.includes('GET'))) return 200;
  return 405;
}
