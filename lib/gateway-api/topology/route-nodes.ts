/**
 * Routes, rules, backends and attachment edges (accepted and rejected) of
 * the topology.
 */
import { findCondition } from '../conditions';
import type { AnyRoute, Attachment, ResolvedRule, RouteKind, RouteStatus } from '../types';
import { GATEWAY_GROUP, keyOf, objectKey } from '../types';
import type { GraphSink } from './graph-builder';
import { ids } from './gateway-nodes';
import { grpcRuleText, httpRuleSample, httpRuleText } from './match-text';
import type { Health } from './model';

/** Adds one route with its rules, backends, and its accepted and rejected parent edges. */
export function addRoute(
  g: GraphSink,
  kind: RouteKind,
  route: AnyRoute,
  status: RouteStatus,
  rules: readonly ResolvedRule[],
  attachments: readonly Attachment[],
): void {
  const key = objectKey(route);
  const rid = ids.route(kind, key);
  const accepted = status.parents.filter((p) => findCondition(p.conditions, 'Accepted')?.status === 'True').length;
  const refs = status.parents.map((p) => findCondition(p.conditions, 'ResolvedRefs')).find((c) => c?.status === 'False');
  let health: Health = accepted === status.parents.length ? 'ok' : accepted > 0 ? 'warning' : 'error';
  let reason: string | undefined;
  const rejected = status.parents.map((p) => findCondition(p.conditions, 'Accepted')).find((c) => c?.status !== 'True');
  if (rejected) reason = `Accepted: ${rejected.reason}: ${rejected.message}`;
  if (refs && health === 'ok') {
    health = 'warning';
    reason = `ResolvedRefs: ${refs.reason}: ${refs.message}`;
  }
  g.node({
    id: rid,
    kind: 'route',
    label: `${kind} ${key}`,
    objectKey: key,
    health,
    ...(reason ? { reason } : {}),
    detail: { hostnames: (route.spec.hostnames ?? []).join(', ') || '*' },
  });

  for (const a of attachments) {
    g.edge({
      source: ids.listener(a.gateway, a.listener),
      target: rid,
      kind: 'attachment',
      health: 'ok',
      hostnames: a.hostnames,
    });
  }
  for (const p of status.parents) {
    const c = findCondition(p.conditions, 'Accepted');
    if (!c || c.status === 'True') continue;
    const ref = p.parentRef;
    const gwKey = keyOf(ref.namespace ?? route.metadata.namespace, ref.name);
    const isGateway = (ref.group ?? GATEWAY_GROUP) === GATEWAY_GROUP && (ref.kind ?? 'Gateway') === 'Gateway';
    let target =
      ref.sectionName && g.has(ids.listener(gwKey, ref.sectionName)) ? ids.listener(gwKey, ref.sectionName) : ids.gateway(gwKey);
    if (!isGateway || !g.has(ids.gateway(gwKey))) {
      target = ids.missing(ref.kind ?? 'Gateway', gwKey);
      g.node({ id: target, kind: 'missing', label: `${ref.kind ?? 'Gateway'} ${gwKey}`, health: 'error', reason: c.message });
    }
    g.edge({
      id: `rejected:${rid}->${target}#${ref.sectionName ?? ''}:${ref.port ?? ''}`,
      source: target,
      target: rid,
      kind: 'rejected',
      health: 'error',
      reason: `${c.reason}: ${c.message}`,
    });
  }

  const specRules = route.spec.rules ?? [];
  for (const r of rules) {
    const ruleId = ids.rule(kind, key, r.index);
    const specRule = specRules[r.index];
    const text = specRule
      ? kind === 'HTTPRoute'
        ? httpRuleText(specRule as Parameters<typeof httpRuleText>[0])
        : grpcRuleText(specRule as Parameters<typeof grpcRuleText>[0])
      : '';
    const invalid = r.backends.filter((b) => !b.valid).length;
    const ruleHealth: Health = r.backends.length > 0 && invalid === r.backends.length ? 'error' : invalid > 0 ? 'warning' : 'ok';
    const ruleReason =
      ruleHealth === 'error'
        ? 'every backend is invalid: requests get HTTP 500'
        : invalid > 0
          ? `${invalid} of ${r.backends.length} backends invalid: their share of requests gets HTTP 500`
          : undefined;
    // A request this rule accepts, so a reader can trace it from the graph (HTTP rules only).
    const sample =
      specRule && kind === 'HTTPRoute' ? httpRuleSample(specRule as Parameters<typeof httpRuleSample>[0]) : undefined;
    g.node({
      id: ruleId,
      kind: 'rule',
      label: r.name ? `${r.name}: ${text}` : text,
      objectKey: key,
      health: ruleHealth,
      ...(ruleReason ? { reason: ruleReason } : {}),
      ...(sample
        ? {
            detail: {
              ...(sample.path ? { samplePath: sample.path } : {}),
              ...(sample.method ? { sampleMethod: sample.method } : {}),
              ...(sample.headers.length ? { sampleHeaders: sample.headers.join('\n') } : {}),
            },
          }
        : {}),
    });
    g.edge({ source: rid, target: ruleId, kind: 'rule', health: 'ok' });
    for (const b of r.backends) {
      const skey = `${b.namespace}/${b.name}`;
      let target = ids.service(skey);
      if (b.service) {
        g.node({
          id: target,
          kind: 'service',
          label: `Service ${skey}`,
          objectKey: skey,
          health: b.endpoints > 0 ? 'ok' : 'warning',
          ...(b.endpoints > 0 ? {} : { reason: 'no ready endpoints' }),
          detail: { endpoints: b.endpoints },
        });
      } else {
        target = ids.missing(b.kind, skey);
        g.node({ id: target, kind: 'missing', label: `${b.kind} ${skey}`, health: 'error', reason: b.message ?? 'not found' });
      }
      const edgeHealth: Health = !b.valid ? 'error' : b.weight === 0 || b.endpoints === 0 ? 'warning' : 'ok';
      const edgeReason = !b.valid
        ? `${b.problem ?? ''}: ${b.message ?? ''}`
        : b.weight === 0
          ? 'weight 0: never receives traffic'
          : b.endpoints === 0
            ? 'Service has no ready endpoints'
            : undefined;
      g.edge({
        id: `backend:${ruleId}->${target}:${b.port ?? ''}`,
        source: ruleId,
        target,
        kind: 'backend',
        health: edgeHealth,
        ...(edgeReason ? { reason: edgeReason } : {}),
        ...(b.port !== undefined ? { port: b.port } : {}),
        weight: b.weight,
        crossNamespace: b.crossNamespace,
        ...(b.referenceGrant ? { referenceGrant: b.referenceGrant } : {}),
      });
    }
  }
}
