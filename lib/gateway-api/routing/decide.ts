/**
 * From a matched rule to a decision: rule filters, redirect or backend choice,
 * backend filters, timeouts and retry. Shared by HTTPRoute and GRPCRoute.
 */
import { alternatives, pickBackend } from './backends';
import { parseDuration } from './duration';
import { applyFilters, emptyFilterResult, type FilterContext, type FilterResult } from './filters';
import type { CompiledRule, RouteRef } from './table';
import type { ExplanationStep, HeaderOp, RoutingDecision } from './types';

/** Copies what filters decided into the decision (CORS headers become response edits). */
function finish(d: RoutingDecision, acc: FilterResult): RoutingDecision {
  d.requestHeaders = acc.requestHeaders;
  d.responseHeaders = acc.responseHeaders;
  d.mirrors = acc.mirrors;
  d.rewrittenHost = acc.rewrittenHost;
  d.rewrittenPath = acc.rewrittenPath;
  d.cors = acc.cors;
  if (acc.cors?.originAllowed) {
    const ops: HeaderOp[] = [];
    for (const name of Object.keys(acc.cors.headers)) ops.push({ op: 'set', name, value: acc.cors.headers[name] });
    d.responseHeaders = [...d.responseHeaders, ...ops];
  }
  for (const st of acc.steps) d.explanation.push(st);
  return d;
}

/** Ends the decision with an error response. */
function fail(
  d: RoutingDecision,
  acc: FilterResult,
  status: number,
  grpcStatus: number | undefined,
  step: ExplanationStep,
): RoutingDecision {
  d.outcome = 'direct-response';
  d.status = status;
  if (grpcStatus !== undefined) d.grpcStatus = grpcStatus;
  d.explanation.push(step);
  return finish(d, acc);
}

/** A decision with nothing decided yet. */
export function blankDecision(steps: ExplanationStep[]): RoutingDecision {
  return {
    outcome: 'direct-response',
    alternatives: [],
    requestHeaders: [],
    responseHeaders: [],
    mirrors: [],
    explanation: steps,
  };
}

/** `namespace/name rule N "name"` for explanations. */
export function ruleLabel(route: RouteRef, rule: CompiledRule, matchIndex?: number): string {
  const name = rule.name ? ` "${rule.name}"` : '';
  return `${route.kind} ${route.key} rule ${rule.index}${name}${matchIndex === undefined ? '' : ` match ${matchIndex}`}`;
}

function timeoutsOf(rule: CompiledRule): RoutingDecision['timeouts'] {
  const t = rule.timeouts;
  if (!t || (t.request === undefined && t.backendRequest === undefined)) return undefined;
  return { ...t, requestMs: parseDuration(t.request), backendRequestMs: parseDuration(t.backendRequest) };
}

/**
 * Completes `d` for the matched rule. `grpc` switches failure statuses to the gRPC
 * mapping (UNAVAILABLE for invalid backends per GRPCRouteRule.backendRefs).
 */
export function decideRule(
  d: RoutingDecision,
  route: RouteRef,
  rule: CompiledRule,
  ctx: FilterContext,
  grpc: boolean,
): RoutingDecision {
  d.route = route.key;
  d.routeKind = route.kind;
  d.ruleIndex = rule.index;
  d.ruleName = rule.name;
  d.alternatives = alternatives(rule);
  d.timeouts = timeoutsOf(rule);
  d.retry = rule.retry;
  const acc = applyFilters(rule.filters, ctx, emptyFilterResult(), `rule ${rule.index}`);
  if (acc.error)
    return fail(d, acc, 500, grpc ? 13 : undefined, {
      step: 'filter',
      candidate: ruleLabel(route, rule),
      chosen: false,
      reason: acc.error,
    });
  if (acc.cors?.preflight) {
    d.outcome = 'direct-response';
    d.status = 200;
    return finish(d, acc);
  }
  if (acc.redirect) {
    d.outcome = 'redirect';
    d.status = acc.redirect.status;
    d.redirect = acc.redirect;
    return finish(d, acc);
  }
  const failStatus = grpc ? 503 : 500;
  const failGrpc = grpc ? 14 : undefined;
  if (rule.backends.length === 0) {
    return fail(d, acc, failStatus, failGrpc, {
      step: 'backend',
      candidate: ruleLabel(route, rule),
      chosen: false,
      reason: 'rule has no backendRefs',
    });
  }
  const picked = pickBackend(rule, ctx.random());
  if (!picked) {
    return fail(d, acc, failStatus, failGrpc, {
      step: 'backend',
      candidate: ruleLabel(route, rule),
      chosen: false,
      reason: 'every backendRef has weight 0',
    });
  }
  const r = picked.resolved;
  const label = `${r.namespace}/${r.name}:${r.port ?? ''}`;
  if (ctx.explain)
    for (const alt of d.alternatives) {
      if (alt.service === r.name && alt.namespace === r.namespace && alt.port === r.port) continue;
      const why = alt.weight <= 0 ? 'weight 0: never picked' : `not drawn this time (p=${alt.probability.toFixed(3)})`;
      d.explanation.push({
        step: 'backend',
        candidate: `${alt.namespace}/${alt.service}:${alt.port ?? ''}`,
        chosen: false,
        reason: why,
      });
    }
  if (!r.valid) {
    return fail(d, acc, failStatus, failGrpc, {
      step: 'backend',
      candidate: label,
      chosen: true,
      reason: `drawn but invalid (${r.problem ?? 'invalid'}: ${r.message ?? ''}); its share of traffic gets ${failStatus}`,
    });
  }
  d.backend = { service: r.name, namespace: r.namespace, port: r.port, weight: r.weight };
  d.explanation.push({ step: 'backend', candidate: label, chosen: true, reason: `weight ${r.weight} of ${rule.totalWeight}` });
  // Per-backendRef filters (HTTPBackendRef.filters) run only for the chosen backend.
  const after = applyFilters(picked.filters, ctx, acc, `backend ${label}`);
  if (after.error)
    return fail(d, acc, 500, grpc ? 13 : undefined, { step: 'filter', candidate: label, chosen: false, reason: after.error });
  if (after.redirect) {
    d.outcome = 'redirect';
    d.status = after.redirect.status;
    d.redirect = after.redirect;
    return finish(d, acc);
  }
  d.outcome = 'forward';
  return finish(d, acc);
}
