/**
 * Route values a conformant implementation must refuse with
 * Accepted=False / UnsupportedValue (rules that CRD validation catches in
 * v1 but not in v0.6, plus unsupported filter types).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutefilter
 */
import type { AnyRoute, HTTPRouteFilter, RouteKind } from './types';

const HTTP_FILTERS = new Set([
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestMirror',
  'RequestRedirect',
  'URLRewrite',
  // HTTPCORSFilter (standard since Gateway API v1.5); the routing engine and the local gateway implement it.
  'CORS',
]);
const GRPC_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror']);

/** Why the route cannot be accepted as written, or undefined. */
export function routeValueProblem(route: AnyRoute, kind: RouteKind): string | undefined {
  const allowed = kind === 'HTTPRoute' ? HTTP_FILTERS : GRPC_FILTERS;
  const rules = route.spec.rules ?? [];
  // Index loops without temporaries: this runs for every rule of every route on each full status.
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as (typeof rules)[number];
    const problem = regexProblem(rule, i);
    if (problem) return problem;
    const filters: readonly HTTPRouteFilter[] | undefined = rule.filters;
    if (!filters || filters.length === 0) continue;
    let redirect = false;
    let rewrite = false;
    let replacesPrefix = false;
    for (const f of filters) {
      if (!allowed.has(f.type)) return `rules[${i}]: filter type ${f.type} is not supported`;
      if (f.type === 'RequestRedirect') redirect = true;
      if (f.type === 'URLRewrite') rewrite = true;
      if ((f.urlRewrite?.path ?? f.requestRedirect?.path)?.type === 'ReplacePrefixMatch') replacesPrefix = true;
    }
    if (redirect && rewrite) return `rules[${i}]: RequestRedirect and URLRewrite cannot be used together`;
    if (replacesPrefix && kind === 'HTTPRoute') {
      const matches = 'matches' in rule ? (rule.matches ?? []) : [];
      const only =
        matches.length === 1 && 'path' in (matches[0] as object) ? (matches[0] as { path?: { type?: string } }).path : undefined;
      if (matches.length !== 1 || (only?.type ?? 'PathPrefix') !== 'PathPrefix') {
        return `rules[${i}]: ReplacePrefixMatch requires exactly one PathPrefix match`;
      }
    }
  }
  return undefined;
}

type AnyRule = NonNullable<AnyRoute['spec']['rules']>[number];
type AnyMatch = NonNullable<AnyRule['matches']>[number];

function regexProblem(rule: AnyRule, i: number): string | undefined {
  const matches: readonly AnyMatch[] | undefined = rule.matches;
  if (!matches) return undefined;
  for (const m of matches) {
    const path = 'path' in m ? m.path : undefined;
    if (path?.type === 'RegularExpression' && path.value && !compiles(path.value)) return invalidRegex(i, path.value);
    const headers = m.headers;
    if (headers)
      for (const h of headers) if (h.type === 'RegularExpression' && !compiles(h.value)) return invalidRegex(i, h.value);
    const query = 'queryParams' in m ? m.queryParams : undefined;
    if (query) for (const p of query) if (p.type === 'RegularExpression' && !compiles(p.value)) return invalidRegex(i, p.value);
  }
  return undefined;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function invalidRegex(i: number, pattern: string): string {
  return `rules[${i}]: invalid regular expression ${JSON.stringify(pattern)}`;
}
