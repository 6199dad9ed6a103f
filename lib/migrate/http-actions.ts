/**
 * What an Istio HTTP route does besides matching: redirect, rewrite, header changes, mirrors,
 * CORS, timeouts and retries, as Gateway API filters and rule fields. Anything without an
 * equivalent in the target bundle is reported on its field, never dropped silently.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutefilter
 */
import { backendFor, headerFilters, type BackendRef } from './backends';
import { report, type MigrationContext, type Origin } from './context';
import type { IstioHttpRoute } from './types';

type Path = Array<string | number>;

/** Istio durations (`1.5s`, `100ms`, `2m`) → Gateway API Duration (`1500ms`), or undefined when unparseable. */
export function gatewayDuration(istio: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(istio.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[m[2] as 'ms' | 's' | 'm' | 'h'];
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${Math.round(ms)}ms`;
}

/** Filters for a rule's redirect (Istio replaces the whole path, whatever the match). */
function redirectFilter(ctx: MigrationContext, origin: Origin, h: IstioHttpRoute, path: Path): unknown {
  const r = h.redirect ?? {};
  const out: Record<string, unknown> = {};
  if (r.scheme) out.scheme = r.scheme;
  if (r.authority) {
    const [host, port] = r.authority.split(':');
    out.hostname = host;
    if (port) out.port = Number(port);
  }
  if (r.port !== undefined) out.port = r.port;
  if (r.uri) out.path = { type: 'ReplaceFullPath', replaceFullPath: r.uri };
  const code = r.redirectCode ?? 301;
  const supported = [301, 302, 303, 307, 308];
  out.statusCode = supported.includes(code) ? code : 301;
  if (!supported.includes(code))
    report(
      ctx,
      origin,
      [...path, 'redirect', 'redirectCode'],
      'warning',
      `redirect code ${code} is not allowed by Gateway API; 301 used`,
    );
  if (r.derivePort)
    report(
      ctx,
      origin,
      [...path, 'redirect', 'derivePort'],
      'warning',
      'derivePort has no Gateway API equivalent; the redirect keeps the default port of its scheme',
    );
  return { type: 'RequestRedirect', requestRedirect: out };
}

/**
 * URL rewrite. Istio replaces the matched prefix when the match was a prefix, else the whole
 * path: ReplacePrefixMatch needs exactly one PathPrefix match per rule, which the caller ensures
 * by splitting such rules per match.
 */
function rewriteFilter(ctx: MigrationContext, origin: Origin, h: IstioHttpRoute, path: Path, prefixMatch: boolean): unknown {
  const r = h.rewrite ?? {};
  const out: Record<string, unknown> = {};
  if (r.authority) out.hostname = r.authority;
  if (r.uri !== undefined) {
    out.path = prefixMatch
      ? { type: 'ReplacePrefixMatch', replacePrefixMatch: r.uri }
      : { type: 'ReplaceFullPath', replaceFullPath: r.uri };
  }
  if (r.uriRegexRewrite !== undefined)
    report(
      ctx,
      origin,
      [...path, 'rewrite', 'uriRegexRewrite'],
      'warning',
      'regex rewrites have no Gateway API equivalent; dropped',
    );
  return { type: 'URLRewrite', urlRewrite: out };
}

function mirrorFilters(ctx: MigrationContext, origin: Origin, h: IstioHttpRoute, path: Path): unknown[] {
  const list: Array<{ dest: NonNullable<IstioHttpRoute['mirror']>; percent?: number; at: Path }> = [];
  if (h.mirror) list.push({ dest: h.mirror, percent: h.mirrorPercentage?.value ?? h.mirror_percent, at: [...path, 'mirror'] });
  (h.mirrors ?? []).forEach((m, i) =>
    list.push({ dest: m.destination, percent: m.percentage?.value, at: [...path, 'mirrors', i] }),
  );
  const out: unknown[] = [];
  for (const m of list) {
    const ref = backendFor(ctx, origin, m.dest, m.at, 'HTTPRoute');
    if (!ref) continue;
    const filter: Record<string, unknown> = { backendRef: ref };
    if (m.percent !== undefined && m.percent < 100) {
      if (ctx.target.mirrorPercent) filter.percent = Math.round(m.percent);
      else
        report(
          ctx,
          origin,
          m.at,
          'warning',
          `mirror percentage ${m.percent}% is not in this bundle's RequestMirror; every request is mirrored`,
        );
    }
    out.push({ type: 'RequestMirror', requestMirror: filter });
  }
  return out;
}

function corsFilter(ctx: MigrationContext, origin: Origin, h: IstioHttpRoute, path: Path): unknown[] {
  const c = h.corsPolicy;
  if (!c) return [];
  if (!ctx.target.cors) {
    report(
      ctx,
      origin,
      [...path, 'corsPolicy'],
      'warning',
      "CORS needs Gateway API's CORS filter (standard from v1.5), which this cluster does not serve; dropped",
    );
    return [];
  }
  const origins = [...(c.allowOrigin ?? [])];
  for (const o of c.allowOrigins ?? []) {
    if (o.exact !== undefined) origins.push(o.exact);
    else
      report(
        ctx,
        origin,
        [...path, 'corsPolicy', 'allowOrigins'],
        'warning',
        `origin match ${JSON.stringify(o)} is not exact; the CORS filter takes origins (with * wildcards) only: dropped`,
      );
  }
  const cors: Record<string, unknown> = { allowOrigins: origins };
  if (c.allowMethods) cors.allowMethods = c.allowMethods;
  if (c.allowHeaders) cors.allowHeaders = c.allowHeaders;
  if (c.exposeHeaders) cors.exposeHeaders = c.exposeHeaders;
  if (c.allowCredentials !== undefined) cors.allowCredentials = c.allowCredentials;
  const maxAge = c.maxAge ? gatewayDuration(c.maxAge) : undefined;
  if (maxAge) cors.maxAge = Math.round(parseSeconds(maxAge));
  return [{ type: 'CORS', cors }];
}

function parseSeconds(d: string): number {
  return d.endsWith('ms') ? Number(d.slice(0, -2)) / 1000 : Number(d.slice(0, -1));
}

/** Rule-level filters in Istio's order of effect: headers, then redirect or rewrite, mirrors, CORS. */
export function ruleFilters(
  ctx: MigrationContext,
  origin: Origin,
  h: IstioHttpRoute,
  path: Path,
  prefixMatch: boolean,
): unknown[] {
  const out: unknown[] = [...headerFilters(h.headers), ...corsFilter(ctx, origin, h, path)];
  if (h.redirect) out.push(redirectFilter(ctx, origin, h, path));
  else if (h.rewrite) out.push(rewriteFilter(ctx, origin, h, path, prefixMatch));
  out.push(...mirrorFilters(ctx, origin, h, path));
  return out;
}

/** `timeouts` and `retry` of a rule, where the bundle has them. */
export function ruleResilience(ctx: MigrationContext, origin: Origin, h: IstioHttpRoute, path: Path): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const timeouts: Record<string, string> = {};
  if (h.timeout) {
    const d = gatewayDuration(h.timeout);
    if (d) timeouts.request = d;
    else
      report(ctx, origin, [...path, 'timeout'], 'warning', `timeout ${h.timeout} is not a duration Gateway API accepts; dropped`);
  }
  const perTry = h.retries?.perTryTimeout ? gatewayDuration(h.retries.perTryTimeout) : undefined;
  if (perTry) timeouts.backendRequest = perTry;
  if (Object.keys(timeouts).length > 0) {
    if (ctx.target.timeouts) out.timeouts = timeouts;
    else
      report(
        ctx,
        origin,
        [...path, h.timeout ? 'timeout' : 'retries'],
        'warning',
        'HTTPRoute timeouts are not in this bundle (standard from Gateway API v1.2); dropped',
      );
  }
  const r = h.retries;
  if (r && (r.attempts ?? 0) > 0) {
    if (ctx.target.retry) {
      const codes = retryCodes(r.retryOn ?? '5xx');
      out.retry = { attempts: r.attempts, ...(codes.length ? { codes } : {}) };
    } else
      report(
        ctx,
        origin,
        [...path, 'retries'],
        'warning',
        'retries are not in this bundle (HTTPRoute retry is experimental); dropped',
      );
  }
  for (const [field, what] of [
    ['fault', 'fault injection'],
    ['directResponse', 'direct responses'],
    ['delegate', 'delegate VirtualServices'],
  ] as const) {
    if (h[field] !== undefined)
      report(ctx, origin, [...path, field], 'warning', `${what} have no Gateway API equivalent; dropped`);
  }
  return out;
}

/** Envoy `retryOn` → HTTP status codes Gateway API can retry on. */
function retryCodes(retryOn: string): number[] {
  const codes = new Set<number>();
  for (const part of retryOn.split(',').map((s) => s.trim())) {
    if (/^\d{3}$/.test(part)) codes.add(Number(part));
    if (part === '5xx') [500, 502, 503, 504].forEach((c) => codes.add(c));
    if (part === 'gateway-error') [502, 503, 504].forEach((c) => codes.add(c));
  }
  return [...codes].sort((a, b) => a - b);
}

/** Weighted backendRefs of a rule. Istio gives an unweighted destination 0 unless it is alone. */
export function ruleBackends(
  ctx: MigrationContext,
  origin: Origin,
  h: IstioHttpRoute,
  path: Path,
  kind: 'HTTPRoute' | 'GRPCRoute',
): BackendRef[] {
  const dests = h.route ?? [];
  const out: BackendRef[] = [];
  dests.forEach((d, i) => {
    const at = [...path, 'route', i];
    const ref = backendFor(ctx, origin, d.destination, [...at, 'destination'], kind);
    if (!ref) return;
    if (dests.length > 1) ref.weight = d.weight ?? 0;
    const filters = headerFilters(d.headers);
    if (filters.length > 0) ref.filters = filters;
    out.push(ref);
  });
  return out;
}
