/**
 * Collapses rules into their routes: route → rule → backend becomes
 * route → backend, one edge per (route, backend, port), so a large cluster
 * reads as "which route sends where" without one node per rule.
 */
import { worst } from '@/lib/gateway-api/topology';
import type { Health } from '@/lib/gateway-api/topology';
import type { ViewEdge, ViewModel, ViewNode } from './types';

/**
 * Removes rule nodes. Each route takes the worst health of its rules (a rule
 * that answers 500 makes the route degraded) and lists their match texts;
 * each backend edge keeps the worst health, the summed weight and the rules
 * it stands for (`via`), so a traced rule can still be highlighted.
 */
export function collapseRules(model: ViewModel): ViewModel {
  const rules = new Map<string, ViewNode>();
  for (const n of model.nodes) if (n.kind === 'rule') rules.set(n.id, n);
  if (rules.size === 0) return model;
  const ruleOwner = new Map<string, string>();
  for (const e of model.edges) if (e.kind === 'rule' && rules.has(e.target)) ruleOwner.set(e.target, e.source);

  const routeRules = new Map<string, ViewNode[]>();
  for (const [ruleId, routeId] of ruleOwner) {
    const list = routeRules.get(routeId) ?? [];
    list.push(rules.get(ruleId) as ViewNode);
    routeRules.set(routeId, list);
  }

  const nodes: ViewNode[] = [];
  for (const n of model.nodes) {
    if (n.kind === 'rule') continue;
    const own = routeRules.get(n.id);
    if (!own) {
      nodes.push(n);
      continue;
    }
    let health: Health = n.health;
    let reason = n.reason;
    for (const r of own) {
      const next = worst(health, r.health);
      if (next !== health && r.reason) reason = `${r.label}: ${r.reason}`;
      health = next;
    }
    // The first rule's sample request stays reachable, so "pick a host and path" works on a collapsed route.
    const detail = { ...own[0]?.detail, ...n.detail };
    nodes.push({
      ...n,
      health,
      ...(reason ? { reason } : {}),
      ...(Object.keys(detail).length ? { detail } : {}),
      rules: own.map((r) => r.label),
    });
  }

  const merged = new Map<string, ViewEdge>();
  for (const e of model.edges) {
    if (e.kind === 'rule' && rules.has(e.target)) continue;
    const routeId = ruleOwner.get(e.source);
    if (!routeId) {
      merged.set(e.id, e);
      continue;
    }
    const id = `backend:${routeId}->${e.target}:${e.port ?? ''}`;
    const prev = merged.get(id);
    if (!prev) {
      merged.set(id, { ...e, id, source: routeId, via: [e.source] });
      continue;
    }
    const health = worst(prev.health, e.health);
    merged.set(id, {
      ...prev,
      health,
      ...(health !== prev.health && e.reason ? { reason: e.reason } : {}),
      weight: (prev.weight ?? 0) + (e.weight ?? 0),
      via: prev.via ? (prev.via.push(e.source), prev.via) : [e.source],
    });
  }
  // Nodes keep the model's (sorted) order; edges keep first-seen order, deterministic for a given model.
  return { nodes, edges: [...merged.values()] };
}
