/**
 * Compiles the rules of one route into match candidates, joining each
 * backendRef with the status engine's resolution (or our own when absent).
 */
import type { GRPCRoute, GRPCRouteMatch, HTTPRoute, HTTPRouteFilter, ResolvedBackend, ResolvedRule, RouteKind } from '../types';
import { readRetry } from './extensions';
import { compileFullMatch, compileHttpMatch, type ValueMatcher } from './matchers';
import type { RefResolver } from './refs';
import type {
  CompiledBackend,
  CompiledFilter,
  CompiledGrpcMatch,
  CompiledRule,
  GrpcCandidate,
  HttpCandidate,
  RouteRef,
} from './table';

/** Builds the precedence identity of a route. */
export function routeRef(kind: RouteKind, route: HTTPRoute | GRPCRoute): RouteRef {
  const namespace = route.metadata.namespace ?? 'default';
  const ts = route.metadata.creationTimestamp ? Date.parse(route.metadata.creationTimestamp) : NaN;
  return { key: `${namespace}/${route.metadata.name}`, kind, namespace, createdMs: Number.isNaN(ts) ? Infinity : ts };
}

function compileFilters(filters: HTTPRouteFilter[] | undefined, ref: RouteRef, resolve: RefResolver): CompiledFilter[] {
  return (filters ?? []).map((filter) => {
    if (filter.type !== 'RequestMirror' || !filter.requestMirror) return { filter };
    const r = resolve(ref.kind, ref.namespace, filter.requestMirror.backendRef);
    return { filter, mirrorValid: r.valid, mirrorProblem: r.message };
  });
}

function fallbackBackend(r: ReturnType<RefResolver>, weight: number, group: string, kind: string): ResolvedBackend {
  return {
    group,
    kind,
    namespace: r.namespace,
    name: r.name,
    port: r.port,
    weight,
    valid: r.valid,
    problem: r.problem,
    message: r.message,
    endpoints: 0,
    crossNamespace: false,
  };
}

interface RawRule {
  name?: string;
  filters?: HTTPRouteFilter[];
  backendRefs?: Array<{
    group?: string;
    kind?: string;
    name: string;
    namespace?: string;
    port?: number;
    weight?: number;
    filters?: HTTPRouteFilter[];
  }>;
  timeouts?: { request?: string; backendRequest?: string };
}

/** One rule with its backends resolved; `resolved` comes from `EngineStatus.backends`. */
export function compileRule(
  rule: RawRule,
  index: number,
  ref: RouteRef,
  resolved: ResolvedRule | undefined,
  resolve: RefResolver,
): CompiledRule {
  const refs = rule.backendRefs ?? [];
  const backends: CompiledBackend[] = refs.map((b, i) => {
    const fromStatus = resolved?.backends.length === refs.length ? resolved.backends[i] : undefined;
    const weight = b.weight ?? 1;
    const res = fromStatus ?? fallbackBackend(resolve(ref.kind, ref.namespace, b), weight, b.group ?? '', b.kind ?? 'Service');
    return { resolved: res, filters: compileFilters(b.filters, ref, resolve) };
  });
  return {
    index,
    name: rule.name,
    filters: compileFilters(rule.filters, ref, resolve),
    backends,
    totalWeight: backends.reduce((s, b) => s + Math.max(0, b.resolved.weight), 0),
    timeouts: rule.timeouts,
    retry: readRetry(rule),
  };
}

/** All (rule, match) candidates of an HTTPRoute; spec default: one PathPrefix `/` match. */
export function compileHttpRoute(route: HTTPRoute, resolved: ResolvedRule[] | undefined, resolve: RefResolver): HttpCandidate[] {
  const ref = routeRef('HTTPRoute', route);
  const out: HttpCandidate[] = [];
  const rules = route.spec.rules ?? [{}];
  rules.forEach((rule, index) => {
    const compiled = compileRule(
      rule,
      index,
      ref,
      resolved?.find((r) => r.index === index),
      resolve,
    );
    const matches = rule.matches?.length ? rule.matches : [undefined];
    matches.forEach((m, matchIndex) => out.push({ route: ref, rule: compiled, matchIndex, match: compileHttpMatch(m) }));
  });
  return out;
}

function grpcHeaders(list: GRPCRouteMatch['headers']): ValueMatcher[] {
  const seen = new Set<string>();
  const out: ValueMatcher[] = [];
  for (const h of list ?? []) {
    const name = h.name.toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    const type = h.type === 'RegularExpression' ? 'RegularExpression' : 'Exact';
    out.push({ name, type, value: h.value, regex: type === 'RegularExpression' ? compileFullMatch(h.value) : undefined });
  }
  return out;
}

/** Compiles one GRPCRouteMatch (no method = every service and method). */
export function compileGrpcMatch(m: GRPCRouteMatch | undefined): CompiledGrpcMatch {
  const type = m?.method?.type === 'RegularExpression' ? 'RegularExpression' : 'Exact';
  const service = m?.method?.service || undefined;
  const method = m?.method?.method || undefined;
  const rx = type === 'RegularExpression';
  return {
    type,
    service,
    method,
    serviceRegex: rx && service ? compileFullMatch(service) : undefined,
    methodRegex: rx && method ? compileFullMatch(method) : undefined,
    headers: grpcHeaders(m?.headers),
  };
}

/** All (rule, match) candidates of a GRPCRoute; no matches = match every call. */
export function compileGrpcRoute(route: GRPCRoute, resolved: ResolvedRule[] | undefined, resolve: RefResolver): GrpcCandidate[] {
  const ref = routeRef('GRPCRoute', route);
  const out: GrpcCandidate[] = [];
  (route.spec.rules ?? [{}]).forEach((rule, index) => {
    const compiled = compileRule(
      rule,
      index,
      ref,
      resolved?.find((r) => r.index === index),
      resolve,
    );
    const matches = rule.matches?.length ? rule.matches : [undefined];
    matches.forEach((m, matchIndex) => out.push({ route: ref, rule: compiled, matchIndex, match: compileGrpcMatch(m) }));
  });
  return out;
}
