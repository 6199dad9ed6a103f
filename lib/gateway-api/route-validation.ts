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
]);
const GRPC_FILTERS = new Set(['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror']);

/** Why the route cannot be accepted as written, or undefined. */
export function routeValueProblem(route: AnyRoute, kind: RouteKind): string | undefined {
  const allowed = kind === 'HTTPRoute' ? HTTP_FILTERS : GRPC_FILTERS;
  for (const [i, rule] of (route.spec.rules ?? []).entries()) {
    const filters: HTTPRouteFilter[] = rule.filters ?? [];
    const problem = regexProblem(route, i);
    if (problem) return problem;
    if (filters.length === 0) continue;
    for (const f of filters) {
      if (!allowed.has(f.type)) return `rules[${i}]: filter type ${f.type} is not supported`;
    }
    const types = filters.map((f) => f.type);
    if (types.includes('RequestRedirect') && types.includes('URLRewrite')) {
      return `rules[${i}]: RequestRedirect and URLRewrite cannot be used together`;
    }
    const replacesPrefix = filters.some((f) => (f.urlRewrite?.path ?? f.requestRedirect?.path)?.type === 'ReplacePrefixMatch');
    if (replacesPrefix && kind === 'HTTPRoute') {
      const matches = 'matches' in rule ? (rule.matches ?? []) : [];
      const paths = matches.map((m) => ('path' in m ? m.path : undefined));
      if (paths.length !== 1 || (paths[0]?.type ?? 'PathPrefix') !== 'PathPrefix') {
        return `rules[${i}]: ReplacePrefixMatch requires exactly one PathPrefix match`;
      }
    }
  }
  return undefined;
}

function regexProblem(route: AnyRoute, i: number): string | undefined {
  const rule = route.spec.rules?.[i];
  for (const m of rule?.matches ?? []) {
    if ('path' in m && m.path?.type === 'RegularExpression' && m.path.value && !compiles(m.path.value))
      return invalidRegex(i, m.path.value);
    for (const h of m.headers ?? []) if (h.type === 'RegularExpression' && !compiles(h.value)) return invalidRegex(i, h.value);
    for (const p of ('queryParams' in m ? m.queryParams : undefined) ?? []) {
      if (p.type === 'RegularExpression' && !compiles(p.value)) return invalidRegex(i, p.value);
    }
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
