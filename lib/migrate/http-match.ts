/**
 * Istio `HTTPMatchRequest` → Gateway API `HTTPRouteMatch`. Both OR their matches and AND the
 * conditions inside one match. What Gateway API cannot say is reported on its field.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutematch
 */
import { report, type MigrationContext, type Origin } from './context';
import type { HttpMatch, StringMatch } from './types';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/** A Gateway API match, as plain JSON. */
export type RouteMatch = Record<string, unknown>;

/** Escapes a literal for a regular expression (prefix matches become `^literal.*`). */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A header or query value match; prefix has no Gateway API type, so it becomes an anchored regex. */
function valueMatch(
  ctx: MigrationContext,
  origin: Origin,
  path: Array<string | number>,
  name: string,
  m: StringMatch,
): RouteMatch | undefined {
  if (m.exact !== undefined) return { type: 'Exact', name, value: m.exact };
  if (m.regex !== undefined) {
    report(
      ctx,
      origin,
      path,
      'note',
      `regex ${JSON.stringify(m.regex)}: Istio matches the whole value with RE2; Gateway API regex flavour is implementation-specific (ASM: RE2)`,
    );
    return { type: 'RegularExpression', name, value: m.regex };
  }
  if (m.prefix !== undefined) {
    report(
      ctx,
      origin,
      path,
      'note',
      `prefix ${JSON.stringify(m.prefix)} becomes RegularExpression ^${escapeRegex(m.prefix)}.* (Gateway API has no prefix match for values)`,
    );
    return { type: 'RegularExpression', name, value: `^${escapeRegex(m.prefix)}.*` };
  }
  report(ctx, origin, path, 'warning', `empty match for ${name}; dropped`);
  return undefined;
}

const UNSUPPORTED: ReadonlyArray<[keyof HttpMatch, string]> = [
  ['scheme', 'scheme matching'],
  ['authority', 'authority matching (use the route hostnames instead)'],
  ['withoutHeaders', 'negative header matching (withoutHeaders)'],
  ['ignoreUriCase', 'case-insensitive URI matching (ignoreUriCase)'],
  ['port', 'matching on the port (attach the route to a listener with sectionName or port instead)'],
  ['sourceLabels', 'sourceLabels (matching on the calling workload)'],
  ['sourceNamespace', 'sourceNamespace'],
  ['gateways', 'per-match gateways'],
];

/** Converts one match; `path` points at it in the VirtualService. */
export function convertMatch(ctx: MigrationContext, origin: Origin, m: HttpMatch, path: Array<string | number>): RouteMatch {
  const out: RouteMatch = {};
  const uri = m.uri;
  if (uri?.exact !== undefined) out.path = { type: 'Exact', value: uri.exact };
  else if (uri?.prefix !== undefined) {
    out.path = { type: 'PathPrefix', value: uri.prefix };
    if (uri.prefix !== '/' && !uri.prefix.endsWith('/')) {
      report(
        ctx,
        origin,
        [...path, 'uri', 'prefix'],
        'note',
        `Istio prefix ${uri.prefix} also matches ${uri.prefix}x…; Gateway API PathPrefix matches whole path segments only (${uri.prefix} and ${uri.prefix}/…)`,
      );
    }
  } else if (uri?.regex !== undefined) {
    out.path = { type: 'RegularExpression', value: uri.regex };
    report(
      ctx,
      origin,
      [...path, 'uri', 'regex'],
      'note',
      'regular expression paths are an extended Gateway API feature; ASM supports RE2 like Istio',
    );
  }
  if (m.method) {
    const method = m.method.exact?.toUpperCase();
    if (method && METHODS.has(method)) out.method = method;
    else
      report(
        ctx,
        origin,
        [...path, 'method'],
        'warning',
        `method match ${JSON.stringify(m.method)} cannot be expressed (only one exact HTTP method); dropped`,
      );
  }
  const headers = Object.entries(m.headers ?? {})
    .map(([name, v]) => valueMatch(ctx, origin, [...path, 'headers', name], name, v))
    .filter((h): h is RouteMatch => h !== undefined);
  if (headers.length > 0) out.headers = headers;
  const query = Object.entries(m.queryParams ?? {})
    .map(([name, v]) => valueMatch(ctx, origin, [...path, 'queryParams', name], name, v))
    .filter((q): q is RouteMatch => q !== undefined);
  if (query.length > 0) out.queryParams = query;
  for (const [field, what] of UNSUPPORTED) {
    if (m[field] !== undefined && m[field] !== false) {
      report(
        ctx,
        origin,
        [...path, field],
        'warning',
        `${what} has no Gateway API equivalent; dropped, so this match is broader than before`,
      );
    }
  }
  return out;
}
