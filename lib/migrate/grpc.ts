/**
 * Istio HTTP routes on a gRPC server → GRPCRoute rules. Istio matches gRPC calls by their HTTP/2
 * path (`/package.Service/Method`); GRPCRoute matches service and method.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#grpcmethodmatch
 */
import { headerFilters } from './backends';
import { report, type MigrationContext, type Origin } from './context';
import { ruleBackends } from './http-actions';
import { escapeRegex } from './http-match';
import type { HttpMatch, IstioHttpRoute } from './types';

type Path = Array<string | number>;

/** The GRPCRoute method match for an Istio uri match, or undefined (with a finding) when it has none. */
function methodMatch(ctx: MigrationContext, origin: Origin, m: HttpMatch, path: Path): Record<string, unknown> | undefined {
  const uri = m.uri;
  if (!uri) return undefined;
  const exact = uri.exact !== undefined ? /^\/([^/]+)\/([^/]+)$/.exec(uri.exact) : null;
  if (exact) return { type: 'Exact', service: exact[1], method: exact[2] };
  const prefix = uri.prefix !== undefined ? /^\/([^/]+)\/?$/.exec(uri.prefix) : null;
  if (prefix) return { type: 'Exact', service: prefix[1] };
  if (uri.regex !== undefined) {
    const re = /^\/(.+)\/(.+)$/.exec(uri.regex);
    if (re) return { type: 'RegularExpression', service: re[1], method: re[2] };
  }
  report(
    ctx,
    origin,
    [...path, 'uri'],
    'warning',
    `uri match ${JSON.stringify(uri)} is not a gRPC /service/method path; dropped`,
  );
  return undefined;
}

/** One Istio http entry → GRPCRoute rules (filters: header modifiers only). */
export function grpcRule(ctx: MigrationContext, origin: Origin, h: IstioHttpRoute, path: Path): unknown[] {
  const matches = (h.match ?? []).map((m, j) => {
    const at = [...path, 'match', j];
    const out: Record<string, unknown> = {};
    const method = methodMatch(ctx, origin, m, at);
    if (method) out.method = method;
    const headers = Object.entries(m.headers ?? {}).flatMap(([name, v]) => {
      if (v.exact !== undefined) return [{ type: 'Exact', name, value: v.exact }];
      if (v.regex !== undefined) return [{ type: 'RegularExpression', name, value: v.regex }];
      if (v.prefix !== undefined) return [{ type: 'RegularExpression', name, value: `^${escapeRegex(v.prefix)}.*` }];
      return [];
    });
    if (headers.length > 0) out.headers = headers;
    return out;
  });
  for (const field of ['redirect', 'rewrite', 'corsPolicy', 'timeout', 'retries', 'fault', 'mirror', 'mirrors'] as const) {
    if (h[field] !== undefined)
      report(ctx, origin, [...path, field], 'warning', `${field} is not supported on a GRPCRoute; dropped`);
  }
  const rule: Record<string, unknown> = {};
  if (matches.length > 0) rule.matches = matches;
  const filters = headerFilters(h.headers);
  if (filters.length > 0) rule.filters = filters;
  const backends = ruleBackends(ctx, origin, h, path, 'GRPCRoute');
  if (backends.length > 0) rule.backendRefs = backends;
  return [rule];
}
