/**
 * Short, human text for a rule's matches, e.g. `PathPrefix /get`,
 * `GET Exact /a · x-env=prod`, `grpc echo.Echo/Ping`.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutematch
 */
import type { GRPCRouteRule, HTTPRouteRule } from '../types';

/** Text for an HTTPRoute rule; a rule without matches matches `PathPrefix /` (spec default). */
export function httpRuleText(rule: HTTPRouteRule): string {
  const matches = rule.matches && rule.matches.length > 0 ? rule.matches : [{}];
  return matches
    .map((m) => {
      const parts: string[] = [];
      if (m.method) parts.push(m.method);
      parts.push(`${m.path?.type ?? 'PathPrefix'} ${m.path?.value ?? '/'}`);
      for (const h of m.headers ?? []) parts.push(`${h.name}${h.type === 'RegularExpression' ? '~' : '='}${h.value}`);
      for (const q of m.queryParams ?? []) parts.push(`?${q.name}${q.type === 'RegularExpression' ? '~' : '='}${q.value}`);
      return parts.join(' · ');
    })
    .join(' | ');
}

/** Text for a GRPCRoute rule; no matches = every method. */
export function grpcRuleText(rule: GRPCRouteRule): string {
  if (!rule.matches || rule.matches.length === 0) return 'grpc *';
  return rule.matches
    .map((m) => {
      const parts = [`grpc ${m.method?.service ?? '*'}/${m.method?.method ?? '*'}`];
      for (const h of m.headers ?? []) parts.push(`${h.name}${h.type === 'RegularExpression' ? '~' : '='}${h.value}`);
      return parts.join(' · ');
    })
    .join(' | ');
}

/** A concrete request a rule's first match accepts: what "pick a host and path from the graph" fills in. */
export interface RuleSample {
  /** Path with the match's exact query parameters; absent when the path is a regular expression. */
  path?: string;
  method?: string;
  /** `name: value` lines for the match's Exact header matches. */
  headers: string[];
}

/**
 * A request the first match of an HTTPRoute rule accepts. Exact and
 * PathPrefix values are themselves matching paths (a prefix matches itself,
 * HTTPPathMatch); RegularExpression paths and header/query regexes have no
 * obvious sample and are left out. A rule without matches matches `/`.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutematch
 */
export function httpRuleSample(rule: HTTPRouteRule): RuleSample {
  const m = rule.matches?.[0];
  if (!m) return { path: '/', headers: [] };
  const type = m.path?.type ?? 'PathPrefix';
  const base = type === 'RegularExpression' ? undefined : (m.path?.value ?? '/');
  const query = (m.queryParams ?? [])
    .filter((q) => q.type !== 'RegularExpression')
    .map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(q.value)}`)
    .join('&');
  return {
    ...(base !== undefined ? { path: query ? `${base}?${query}` : base } : {}),
    ...(m.method ? { method: m.method } : {}),
    headers: (m.headers ?? []).filter((h) => h.type !== 'RegularExpression').map((h) => `${h.name}: ${h.value}`),
  };
}
