/**
 * Builds the requests that exercise one route rule: one per accepted parent listener
 * and per match of the rule, ready to edit and send. Pure.
 */
import { compileRoutes, routeGrpc, routeHttp, type RouteTable } from '@/lib/gateway-api/routing';
import type { Attachment, EngineStatus, GRPCRouteMatch, HTTPRouteMatch, RouteKind, Snapshot } from '@/lib/gateway-api/types';
import { grpcParts } from './build-grpc';
import { hostFor, valueFor, type HostOptions } from './match-values';
import { sampleForRegex } from '@/lib/gateway-api/routing/regex-sample';
import type { NeedsInput, VerificationRequest } from './types';

/** Options of {@link buildRequestsForRule}. */
export interface BuildOptions extends HostOptions {
  /**
   * Concrete paths for a PathPrefix, e.g. {@link HTTPBIN_PATH_SAMPLES}: `/status` alone is
   * not an httpbin endpoint, `/status/418` is. Used only when the sample still starts with the prefix.
   */
  pathSamples?: Record<string, string>;
  /** A table compiled from the same snapshot and status, reused across calls (verify-all). */
  table?: RouteTable;
}

/** httpbin endpoints under the seed's prefixes (`/status` → the teapot the ASM guide shows). */
export const HTTPBIN_PATH_SAMPLES: Readonly<Record<string, string>> = { '/status': '/status/418', '/delay': '/delay/1' };

function pathFor(m: HTTPRouteMatch, opts: BuildOptions, notes: string[], needs: NeedsInput[]): string {
  // Spec (HTTPPathMatch): type defaults to PathPrefix, value to "/".
  const type = m.path?.type ?? 'PathPrefix';
  const value = m.path?.value ?? '/';
  if (type === 'Exact') return value;
  if (type === 'PathPrefix') {
    const sample = opts.pathSamples?.[value];
    const base = value.endsWith('/') ? value : `${value}/`;
    if (sample && (sample === value || sample.startsWith(base))) {
      notes.push(`path prefix ${value} sent as ${sample}`);
      return sample;
    }
    return value;
  }
  const sample = sampleForRegex(value);
  if (sample !== null && sample.startsWith('/')) {
    notes.push(`path ${sample} sampled from regular expression ${value}`);
    return sample;
  }
  needs.push({ field: 'path', reason: `regular expression ${value} is too complex to sample: enter a matching path` });
  return '/';
}

function httpParts(m: HTTPRouteMatch, opts: BuildOptions, notes: string[], needs: NeedsInput[]) {
  let path = pathFor(m, opts, notes, needs);
  const headers: Record<string, string> = {};
  for (const h of m.headers ?? []) {
    if (h.name.toLowerCase() === 'host') continue; // Host comes from the hostnames
    const v = valueFor('header', h);
    if (v.needs) needs.push(v.needs);
    headers[h.name] = v.value;
  }
  const query: string[] = [];
  for (const q of m.queryParams ?? []) {
    const v = valueFor('query', q);
    if (v.needs) needs.push(v.needs);
    query.push(`${encodeURIComponent(q.name)}=${encodeURIComponent(v.value)}`);
  }
  if (query.length > 0) path += (path.includes('?') ? '&' : '?') + query.join('&');
  return { method: m.method ?? 'GET', path, headers, http2: false };
}

/** Adds a note when the engine would send the request elsewhere (a higher-precedence rule). */
function checkReach(table: RouteTable, r: VerificationRequest): void {
  const base = { scheme: r.scheme, host: r.host, port: r.port, headers: r.headers, sni: r.sni, address: r.gateway };
  const g = r.routeKind === 'GRPCRoute' ? /^\/([^/]+)\/([^/?]+)/.exec(r.path) : null;
  const d = g
    ? routeGrpc(table, { ...base, service: g[1] ?? '', method: g[2] ?? '' }, { explain: false, random: () => 0 })
    : routeHttp(table, { ...base, method: r.method, path: r.path }, { explain: false, random: () => 0 });
  if (d.route === r.route && d.ruleIndex === r.ruleIndex) return;
  const where = d.route ? `${d.route} rule ${d.ruleIndex ?? '?'}` : `no rule (status ${d.status ?? '?'})`;
  r.notes.push(`the engine routes this request to ${where}, not to this rule: edit it to reach the rule`);
}

/**
 * Requests exercising rule `ruleIndex` of route `routeKey` (`namespace/name`): for each
 * accepted attachment of the route (HTTP/HTTPS listeners), one request per match.
 * Scheme and port come from the listener, Host from the effective hostnames, path,
 * method, headers and query from the match. Returns [] for an unknown route or rule.
 */
export function buildRequestsForRule(
  snapshot: Snapshot,
  status: EngineStatus,
  routeKind: RouteKind,
  routeKey: string,
  ruleIndex: number,
  opts: BuildOptions = {},
): VerificationRequest[] {
  const list = routeKind === 'HTTPRoute' ? snapshot.httpRoutes : snapshot.grpcRoutes;
  const route = list.find((r) => `${r.metadata.namespace ?? 'default'}/${r.metadata.name}` === routeKey);
  const rule = route?.spec.rules?.[ruleIndex];
  if (!route || !rule) return [];
  const attachments = status.attachments.filter(
    (a: Attachment) => a.routeKind === routeKind && a.route === routeKey && (a.protocol === 'HTTP' || a.protocol === 'HTTPS'),
  );
  // Spec (HTTPRouteRule.matches): no matches = one PathPrefix "/" match.
  const matches: ReadonlyArray<HTTPRouteMatch | GRPCRouteMatch | undefined> =
    rule.matches && rule.matches.length > 0 ? rule.matches : [undefined];
  const table = attachments.length > 0 ? (opts.table ?? compileRoutes(snapshot, status)) : undefined;
  const out: VerificationRequest[] = [];
  for (const a of attachments) {
    matches.forEach((m, i) => {
      const notes: string[] = [];
      const needsInput: NeedsInput[] = [];
      const host = hostFor(a.hostnames, opts, notes);
      const parts =
        routeKind === 'GRPCRoute'
          ? grpcParts((m ?? {}) as GRPCRouteMatch, notes, needsInput)
          : httpParts((m ?? {}) as HTTPRouteMatch, opts, notes, needsInput);
      const scheme = a.protocol === 'HTTPS' ? 'https' : 'http';
      const req: VerificationRequest = {
        scheme,
        host,
        port: a.port,
        ...parts,
        ...(scheme === 'https' ? { sni: host } : {}),
        gateway: a.gateway,
        listener: a.listener,
        routeKind,
        route: routeKey,
        ruleIndex,
        ...(m === undefined ? {} : { matchIndex: i }),
        notes,
        needsInput,
      };
      if (table && needsInput.length === 0) checkReach(table, req);
      out.push(req);
    });
  }
  return out;
}
