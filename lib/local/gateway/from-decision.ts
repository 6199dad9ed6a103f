/**
 * Adapter from the routing engine's `RoutingDecision` (lib/gateway-api/routing) to the proxy's
 * `Plan`: the engine decides, this only resolves backends to endpoints and reshapes.
 */
import type { BackendTarget, RoutingDecision } from '@/lib/gateway-api/routing';
import type { ForwardPlan, Plan, PlanMeta, UpstreamTarget } from './plan';

/** Resolves a Service port to ready endpoints (EndpointSlices) and its appProtocol. */
export type BackendResolver = (target: BackendTarget) => UpstreamTarget;

function metaOf(d: RoutingDecision): PlanMeta {
  // One literal (one hidden class) instead of properties added one by one: runs per request.
  return {
    gateway: d.gateway || undefined,
    listener: d.listener || undefined,
    route: d.route || undefined,
    rule: d.ruleIndex === undefined ? undefined : (d.ruleName ?? String(d.ruleIndex)),
  };
}

/** The mirrors the engine drew for this request (most rules have none: no array callbacks then). */
function mirrorsOf(d: RoutingDecision, resolve: BackendResolver): ForwardPlan['mirrors'] {
  if (d.mirrors.length === 0) return [];
  const out: ForwardPlan['mirrors'] = [];
  for (const m of d.mirrors) if (m.selected && m.valid) out.push({ target: resolve(m), fraction: 1 });
  return out;
}

/**
 * Turns a decision into a plan. gRPC failures become trailers-only responses (HTTP 200 with
 * `grpc-status`), which is how gRPC clients expect a proxy to report UNIMPLEMENTED/UNAVAILABLE
 * (gRPC over HTTP/2 protocol spec, "Responses").
 */
export function planFromDecision(d: RoutingDecision, resolve: BackendResolver): Plan {
  const meta = metaOf(d);
  if (d.outcome === 'redirect' && d.redirect) {
    return {
      kind: 'redirect',
      meta,
      status: d.redirect.status,
      location: d.redirect.location,
      responseHeaders: d.responseHeaders,
    };
  }
  if (d.outcome === 'forward' && d.backend) {
    const plan: Plan = {
      kind: 'forward',
      meta,
      target: resolve(d.backend),
      requestHeaders: d.requestHeaders,
      responseHeaders: d.responseHeaders,
      // The engine already drew each mirror's percentage for this request.
      mirrors: mirrorsOf(d, resolve),
    };
    if (d.rewrittenPath !== undefined) plan.rewritePath = d.rewrittenPath;
    if (d.rewrittenHost !== undefined) plan.rewriteHost = d.rewrittenHost;
    if (d.timeouts) {
      plan.timeouts = {};
      if (d.timeouts.requestMs) plan.timeouts.requestMs = d.timeouts.requestMs;
      if (d.timeouts.backendRequestMs) plan.timeouts.backendRequestMs = d.timeouts.backendRequestMs;
    }
    if (d.retry) {
      plan.retry = { codes: d.retry.codes };
      if (d.retry.attempts !== undefined) plan.retry.attempts = d.retry.attempts;
      if (d.retry.backoffMs !== undefined) plan.retry.backoffMs = d.retry.backoffMs;
    }
    return plan;
  }
  if (d.grpcStatus !== undefined) {
    return {
      kind: 'direct',
      meta,
      status: 200,
      headers: { 'content-type': 'application/grpc', 'grpc-status': String(d.grpcStatus) },
    };
  }
  return { kind: 'direct', meta, status: d.status ?? 404, responseHeaders: d.responseHeaders };
}
