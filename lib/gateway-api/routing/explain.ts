/**
 * `explainNoMatch`: for a request that found no route, the closest candidates
 * and what differed, for the console's trace view.
 */
import { ruleLabel } from './decide';
import { hostnameMatches, normalizeHost } from './hostname';
import { listenerLabel, listenersFor, selectListener } from './listener-select';
import { httpMatchConditions, httpMatchMisses } from './matchers';
import { foldHeaders, parseTarget } from './request';
import type { CompiledListener, HostIndex, HttpCandidate, RouteTable } from './table';
import type { HttpRequestInput } from './types';

/** One near miss. */
export interface NearMiss {
  /** A rule match (`HTTPRoute ns/name rule N match M`) or a listener. */
  candidate: string;
  route?: string;
  ruleIndex?: number;
  matchIndex?: number;
  /** Conditions satisfied out of those declared (hostname counts as one). */
  satisfied: number;
  total: number;
  /** What the request would need to change, one entry per failed condition. */
  differences: string[];
}

/** Why nothing matched, and the closest candidates first. */
export interface NoMatchExplanation {
  gateway?: string;
  listener?: string;
  /** HTTP status the gateway answers with (404 or 421), absent when a route matches. */
  status?: number;
  summary: string;
  closest: NearMiss[];
}

function routeHostnames<C>(index: HostIndex<C>): Map<C, string[]> {
  const out = new Map<C, string[]>();
  const add = (c: C, h: string): void => {
    const list = out.get(c);
    if (list) list.push(h);
    else out.set(c, [h]);
  };
  for (const [h, list] of index.exact) for (const c of list) add(c, h);
  for (const w of index.wildcards) for (const c of w.candidates) add(c, w.hostname);
  for (const c of index.any) if (!out.has(c)) out.set(c, []);
  return out;
}

function listenerMisses(list: CompiledListener[], host: string, limit: number): NearMiss[] {
  return list.slice(0, limit).map((l) => ({
    candidate: listenerLabel(l),
    satisfied: hostnameMatches(l.hostname, host) ? 1 : 0,
    total: 1,
    differences: hostnameMatches(l.hostname, host) ? [] : [`Host ${host} does not match listener hostname ${l.hostname}`],
  }));
}

/**
 * Explains a request without a matching route: the listener that took it (or the
 * listeners that could have) and the `limit` rule matches needing the fewest
 * changes, across every route on that listener, whatever their hostnames.
 */
export function explainNoMatch(table: RouteTable, req: HttpRequestInput, limit = 5): NoMatchExplanation {
  const host = normalizeHost(req.host);
  const sel = selectListener(table, req);
  if (!sel.listener) {
    const list = listenersFor(table, req);
    const summary = sel.steps
      .filter((s) => !s.chosen)
      .map((s) => s.reason)
      .join('; ');
    return {
      status: sel.status ?? 404,
      summary: summary || 'no listener takes the request',
      closest: listenerMisses(list, host, limit),
    };
  }
  const l = sel.listener;
  const target = parseTarget(req.path);
  const headers = foldHeaders(req.headers);
  const misses: NearMiss[] = [];
  for (const [c, hostnames] of routeHostnames<HttpCandidate>(l.http)) {
    const diffs = httpMatchMisses(c.match, req.method, target, headers);
    const hostOk = hostnames.length === 0 || hostnames.some((h) => hostnameMatches(h, host));
    if (!hostOk) diffs.unshift(`Host ${host} not admitted by route hostnames ${hostnames.join(', ')}`);
    const total = httpMatchConditions(c.match) + 1;
    misses.push({
      candidate: ruleLabel(c.route, c.rule, c.matchIndex),
      route: c.route.key,
      ruleIndex: c.rule.index,
      matchIndex: c.matchIndex,
      satisfied: total - diffs.length,
      total,
      differences: diffs,
    });
  }
  misses.sort(
    (a, b) => a.differences.length - b.differences.length || b.satisfied - a.satisfied || (a.candidate < b.candidate ? -1 : 1),
  );
  const matched = misses.some((m) => m.differences.length === 0);
  return {
    gateway: l.gateway,
    listener: l.name,
    status: matched ? undefined : 404,
    summary: matched
      ? 'a rule matches this request'
      : misses.length
        ? `no rule on ${l.gateway}/${l.name} matches; closest candidates below`
        : `no HTTPRoute is attached to ${l.gateway}/${l.name}`,
    closest: misses.slice(0, limit),
  };
}
