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
