/**
 * What to verify: the rules a user can pick, the requests a rule promises to handle (with
 * the targets of their Gateways), a request built from a URL, and every request of a
 * verify-all scope. Reads the engine's view only; nothing is sent here.
 */
import 'server-only';
import { routeHttp } from '@/lib/gateway-api/routing';
import type { HTTPRouteMatch, RouteKind } from '@/lib/gateway-api/types';
import { matchText } from '@/lib/model/match-text';
import { buildRequestsForRule, HTTPBIN_PATH_SAMPLES } from '@/lib/verify';
import type { Target, VerificationRequest } from '@/lib/verify/types';
import type { RuleOption, VerifyPlan, VerifyScope } from '@/lib/actions/verify-types';
import { gatewayTargets, type VerifyWorld } from './verify-targets';

const keyOf = (o: { metadata: { namespace?: string; name: string } }): string =>
  `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;

/** Every rule of every HTTPRoute and GRPCRoute, for the rule picker. */
export function listRuleOptions(world: VerifyWorld): RuleOption[] {
  const out: RuleOption[] = [];
  for (const r of world.snapshot.httpRoutes) {
    (r.spec.rules ?? []).forEach((rule, i) => {
      const matches = (rule.matches?.length ? rule.matches : [{} as HTTPRouteMatch]).map(matchText).join(' | ');
      out.push({ routeKind: 'HTTPRoute', route: keyOf(r), ruleIndex: i, label: `HTTPRoute ${keyOf(r)} rule ${i} (${matches})` });
    });
  }
  for (const r of world.snapshot.grpcRoutes) {
    (r.spec.rules ?? []).forEach((_rule, i) => {
      out.push({ routeKind: 'GRPCRoute', route: keyOf(r), ruleIndex: i, label: `GRPCRoute ${keyOf(r)} rule ${i}` });
    });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** Build options of the console: `*` → `httpbin`, httpbin-friendly samples for the seed's prefixes. */
export const CONSOLE_BUILD = { wildcardLabel: 'httpbin', pathSamples: HTTPBIN_PATH_SAMPLES } as const;

function targetsOf(world: VerifyWorld, requests: readonly VerificationRequest[]): Record<string, Target[]> {
  const out: Record<string, Target[]> = {};
  for (const r of requests) out[r.gateway] ??= gatewayTargets(world, r.gateway);
  return out;
}

/** The requests exercising one rule, their Gateways' targets, and what stands in the way. */
export function planForRule(
  world: VerifyWorld,
  routeKind: RouteKind,
  route: string,
  ruleIndex: number,
  wildcardLabel?: string,
): VerifyPlan {
  const list = routeKind === 'HTTPRoute' ? world.snapshot.httpRoutes : world.snapshot.grpcRoutes;
  const obj = list.find((r) => keyOf(r) === route);
  const rule = { routeKind, route, ruleIndex };
  if (!obj)
    return {
      rule,
      requests: [],
      targets: {},
      problems: [`${routeKind} ${route} was not found in context ${world.context}: pick another route, or create it.`],
    };
  if (!obj.spec.rules?.[ruleIndex])
    return {
      rule,
      requests: [],
      targets: {},
      problems: [`${routeKind} ${route} has no rule ${ruleIndex}: pick one of its ${obj.spec.rules?.length ?? 0} rules.`],
    };
  const requests = buildRequestsForRule(world.snapshot, world.status, routeKind, route, ruleIndex, {
    ...CONSOLE_BUILD,
    ...(wildcardLabel ? { wildcardLabel } : {}),
    table: world.table,
  });
  const problems: string[] = [];
  if (requests.length === 0) {
    problems.push(
      `${routeKind} ${route} is not attached to any HTTP or HTTPS listener (check its Accepted condition and parentRefs; is Gateway API enabled?): nothing to send.`,
    );
  }
  return { rule, requests, targets: targetsOf(world, requests), problems };
}

/**
 * A request built from a URL (`http://httpbin.aliyun.com/get`): sent to the first Gateway
 * whose listener on that port routes it (the engine decides), else to the first Gateway
 * listening on that port, so the user still sees what comes back.
 */
export function planForUrl(world: VerifyWorld, url: string): VerifyPlan {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { requests: [], targets: {}, problems: [`"${url}" is not a URL: write it like http://httpbin.aliyun.com/get.`] };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { requests: [], targets: {}, problems: [`${u.protocol} URLs cannot be verified: use http or https.`] };
  const scheme = u.protocol === 'https:' ? 'https' : 'http';
  const port = u.port ? Number(u.port) : scheme === 'https' ? 443 : 80;
  const path = `${u.pathname}${u.search}`;
  const listening = world.snapshot.gateways.filter((g) => g.spec.listeners.some((l) => l.port === port));
  let chosen: { gateway: string; listener: string; route?: string; ruleIndex?: number; routeKind?: RouteKind } | undefined;
  for (const g of listening) {
    const d = routeHttp(
      world.table,
      { scheme, host: u.hostname, port, method: 'GET', path, headers: {}, address: keyOf(g) },
      { explain: false, random: () => 0 },
    );
    if (d.route) {
      chosen = {
        gateway: keyOf(g),
        listener: d.listener ?? '',
        route: d.route,
        ...(d.ruleIndex !== undefined ? { ruleIndex: d.ruleIndex } : {}),
        routeKind: 'HTTPRoute',
      };
      break;
    }
    chosen ??= { gateway: keyOf(g), listener: g.spec.listeners.find((l) => l.port === port)?.name ?? '' };
  }
  if (!chosen)
    return {
      requests: [],
      targets: {},
      problems: [`No Gateway of context ${world.context} listens on port ${port}: check the URL's port, or add a listener.`],
    };
  const req: VerificationRequest = {
    scheme,
    host: u.hostname,
    port,
    method: 'GET',
    path,
    headers: {},
    ...(scheme === 'https' ? { sni: u.hostname } : {}),
    gateway: chosen.gateway,
    listener: chosen.listener,
    routeKind: chosen.routeKind ?? 'HTTPRoute',
    route: chosen.route ?? '',
    ruleIndex: chosen.ruleIndex ?? -1,
    notes: chosen.route
      ? [`built from ${url}`]
      : [`built from ${url}; no rule of Gateway ${chosen.gateway} matches it (expect 404)`],
    needsInput: [],
  };
  const rule =
    chosen.route && chosen.ruleIndex !== undefined
      ? { routeKind: 'HTTPRoute' as const, route: chosen.route, ruleIndex: chosen.ruleIndex }
      : undefined;
  return { ...(rule ? { rule } : {}), requests: [req], targets: targetsOf(world, [req]), problems: [] };
}

/** Every request of a verify-all scope, in a stable order (route, rule, parent, match). */
export function requestsInScope(world: VerifyWorld, scope: VerifyScope): VerificationRequest[] {
  const out: VerificationRequest[] = [];
  const kinds: Array<[RouteKind, typeof world.snapshot.httpRoutes | typeof world.snapshot.grpcRoutes]> = [
    ['HTTPRoute', world.snapshot.httpRoutes],
    ['GRPCRoute', world.snapshot.grpcRoutes],
  ];
  for (const [kind, routes] of kinds) {
    if (scope.kind === 'route' && scope.routeKind !== kind) continue;
    for (const r of routes) {
      const key = keyOf(r);
      if (scope.kind === 'route' && scope.route !== key) continue;
      (r.spec.rules ?? []).forEach((_rule, i) => {
        for (const req of buildRequestsForRule(world.snapshot, world.status, kind, key, i, {
          ...CONSOLE_BUILD,
          table: world.table,
        })) {
          if (scope.kind === 'gateway' && req.gateway !== scope.gateway) continue;
          out.push(req);
        }
      });
    }
  }
  return out;
}
