/**
 * The CORS filter (HTTPCORSFilter, Extended): origin matching with left-greedy
 * `*`, preflight answers and headers for actual requests, as the spec's field
 * docs and the HTTPRouteCORS conformance test describe.
 */
import type { HTTPCORSFilter } from './extensions';
import type { CorsDecision } from './types';

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

function splitOrigin(origin: string): { scheme: string; host: string; port: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/i.exec(origin.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? '').toLowerCase();
  return { scheme, host: (m[2] ?? '').toLowerCase(), port: m[3] ?? DEFAULT_PORT[scheme] ?? '' };
}

/**
 * True when `origin` is allowed by one `allowOrigins` entry. Spec: `*` alone allows
 * every origin; in a host, `*` matches any characters (dots included) to its left;
 * a missing port means 80 for http and 443 for https.
 */
export function originAllowed(pattern: string, origin: string): boolean {
  if (pattern === '*') return true;
  const p = splitOrigin(pattern);
  const o = splitOrigin(origin);
  if (!p || !o) return false;
  if (p.scheme !== o.scheme || p.port !== o.port) return false;
  if (!p.host.includes('*')) return p.host === o.host;
  const re = new RegExp(
    `^${p.host
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(o.host);
}

/** The CORS outcome of one request under one filter. */
export function evaluateCors(cfg: HTTPCORSFilter, method: string, headers: Map<string, string>): CorsDecision {
  const origin = headers.get('origin');
  const requestMethod = headers.get('access-control-request-method');
  const preflight = method === 'OPTIONS' && origin !== undefined && requestMethod !== undefined;
  const out: Record<string, string> = {};
  const allowed = origin !== undefined && (cfg.allowOrigins ?? []).some((p) => originAllowed(p, origin));
  if (!allowed || origin === undefined) return { preflight, originAllowed: false, headers: out };
  const creds = cfg.allowCredentials === true;
  const wildcardOrigin = (cfg.allowOrigins ?? []).includes('*');
  out['access-control-allow-origin'] = wildcardOrigin && !creds ? '*' : origin;
  if (creds) out['access-control-allow-credentials'] = 'true';
  const expose = cfg.exposeHeaders ?? [];
  const exposeList = expose.includes('*') && creds ? expose.filter((h) => h !== '*') : expose;
  if (exposeList.length) out['access-control-expose-headers'] = exposeList.join(', ');
  if (!preflight) return { preflight, originAllowed: true, headers: out };
  const methods = cfg.allowMethods ?? [];
  if (methods.includes('*')) {
    // With credentials `*` is forbidden; echoing the requested method is valid either way.
    out['access-control-allow-methods'] = requestMethod ?? '';
  } else if (methods.length) out['access-control-allow-methods'] = methods.join(', ');
  const allowHeaders = cfg.allowHeaders ?? [];
  const requested = headers.get('access-control-request-headers');
  if (allowHeaders.includes('*')) {
    if (requested !== undefined) out['access-control-allow-headers'] = requested;
  } else if (allowHeaders.length) out['access-control-allow-headers'] = allowHeaders.join(', ');
  out['access-control-max-age'] = String(cfg.maxAge ?? 5);
  return { preflight, originAllowed: true, headers: out };
}
