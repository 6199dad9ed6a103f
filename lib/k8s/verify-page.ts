/**
 * The verify page's first paint: the rule picker's options, the plan of the rule (or URL)
 * named in the query, and the verify-all scopes that make sense from there.
 */
import 'server-only';
import type { RouteKind } from '@/lib/gateway-api/types';
import type { RuleOption, VerifyPlan, VerifyScope } from '@/lib/actions/verify-types';
import { describeError } from './errors';
import { listRuleOptions, planForRule, planForUrl } from './verify-plan';
import { loadVerifyWorld } from './verify-targets';

/** Query parameters of /verify. */
export interface VerifyQuery {
  /** `http/<ns>/<name>` or `grpc/<ns>/<name>`. */
  route?: string;
  rule?: string;
  url?: string;
  /** `<ns>/<name>` of a Gateway to verify all of (from its detail page). */
  gateway?: string;
  /** Label replacing `*` in wildcard hostnames. */
  label?: string;
}

/** What the page renders. */
export type VerifyPageData =
  | {
      context: string;
      rules: RuleOption[];
      selected?: string;
      plan?: VerifyPlan;
      scopes: Array<{ label: string; scope: VerifyScope }>;
    }
  | { error: string };

function parseRoute(route: string | undefined): { routeKind: RouteKind; route: string } | undefined {
  const m = /^(http|grpc)\/([^/]+)\/([^/]+)$/.exec(route ?? '');
  if (!m) return undefined;
  return { routeKind: m[1] === 'grpc' ? 'GRPCRoute' : 'HTTPRoute', route: `${m[2]}/${m[3]}` };
}

/** Loads the page's data; failures become one sentence naming what failed and what to do. */
export async function loadVerifyPage(q: VerifyQuery): Promise<VerifyPageData> {
  try {
    const world = await loadVerifyWorld();
    const route = parseRoute(q.route);
    const ruleIndex = Number(q.rule ?? '0');
    const label = q.label && /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/i.test(q.label) ? q.label : undefined;
    let plan: VerifyPlan | undefined;
    if (route && Number.isInteger(ruleIndex) && ruleIndex >= 0)
      plan = planForRule(world, route.routeKind, route.route, ruleIndex, label);
    else if (q.url) plan = planForUrl(world, q.url);
    else if (q.route)
      plan = {
        requests: [],
        targets: {},
        problems: [`"${q.route}" does not name a route: use route=http/<namespace>/<name>&rule=<index>.`],
      };
    const scopes: Array<{ label: string; scope: VerifyScope }> = [];
    if (q.gateway && /^[^/]+\/[^/]+$/.test(q.gateway))
      scopes.push({ label: `Gateway ${q.gateway}`, scope: { kind: 'gateway', gateway: q.gateway } });
    if (plan?.rule)
      scopes.push({
        label: `${plan.rule.routeKind} ${plan.rule.route}`,
        scope: { kind: 'route', routeKind: plan.rule.routeKind, route: plan.rule.route },
      });
    for (const gw of new Set(plan?.requests.map((r) => r.gateway) ?? [])) {
      if (gw !== q.gateway) scopes.push({ label: `Gateway ${gw}`, scope: { kind: 'gateway', gateway: gw } });
    }
    scopes.push({ label: `Whole cluster (${world.context})`, scope: { kind: 'cluster' } });
    const selected = plan?.rule
      ? `/verify?route=${plan.rule.routeKind === 'GRPCRoute' ? 'grpc' : 'http'}/${plan.rule.route}&rule=${plan.rule.ruleIndex}`
      : undefined;
    return {
      context: world.context,
      rules: listRuleOptions(world),
      ...(selected ? { selected } : {}),
      ...(plan ? { plan } : {}),
      scopes,
    };
  } catch (err) {
    return {
      error: `Reading the cluster for verification failed: ${describeError(err)}. Check the connection (cluster indicator at the top) and reload.`,
    };
  }
}
