/**
 * Applies HTTPRouteFilters, in list order (spec HTTPRouteRule.filters: SHOULD be
 * implemented in the order specified), to an accumulating filter result.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutefilter
 */
import { evaluateCors } from './cors';
import { readCors } from './extensions';
import { headerFilterOps } from './headers';
import type { CompiledHttpMatch } from './matchers';
import { modifyPath, redirectLocation } from './path-modifier';
import type { ParsedTarget } from './request';
import type { CompiledFilter } from './table';
import type { CorsDecision, ExplanationStep, HeaderOp, MirrorDecision } from './types';

/** The request facts filters read. */
export interface FilterContext {
  scheme: string;
  /** Normalized Host (no port). */
  host: string;
  method: string;
  target: ParsedTarget;
  headers: Map<string, string>;
  listenerPort: number;
  /** Namespace of the matched route (default namespace of mirror backendRefs). */
  routeNamespace: string;
  /** The match that selected the rule (ReplacePrefixMatch needs its prefix); absent for gRPC. */
  match?: CompiledHttpMatch;
  random: () => number;
  /** Whether to record explanation steps. */
  explain: boolean;
}

/** What filters decided so far. */
export interface FilterResult {
  requestHeaders: HeaderOp[];
  responseHeaders: HeaderOp[];
  mirrors: MirrorDecision[];
  redirect?: { location: string; status: number };
  rewrittenPath?: string;
  rewrittenHost?: string;
  cors?: CorsDecision;
  /** A filter that cannot be honoured: the spec requires an error response, not skipping it. */
  error?: string;
  steps: ExplanationStep[];
}

/** A fresh, empty result. */
export function emptyFilterResult(): FilterResult {
  return { requestHeaders: [], responseHeaders: [], mirrors: [], steps: [] };
}

function withQuery(path: string, rawQuery: string): string {
  return rawQuery ? `${path}?${rawQuery}` : path;
}

/** Mirror share of one RequestMirror: fraction, percent, or 100% when neither is set. */
export function mirrorFraction(m: { percent?: number; fraction?: { numerator: number; denominator?: number } }): number {
  if (m.fraction) return m.fraction.numerator / (m.fraction.denominator ?? 100);
  if (m.percent !== undefined) return m.percent / 100;
  return 1;
}

/** Applies `filters` to `acc` (mutated and returned). `where` labels steps (rule or backend). */
export function applyFilters(
  filters: readonly CompiledFilter[],
  ctx: FilterContext,
  acc: FilterResult,
  where: string,
): FilterResult {
  for (const cf of filters) {
    const f = cf.filter;
    switch (f.type) {
      case 'RequestHeaderModifier':
        acc.requestHeaders.push(...headerFilterOps(f.requestHeaderModifier));
        break;
      case 'ResponseHeaderModifier':
        acc.responseHeaders.push(...headerFilterOps(f.responseHeaderModifier));
        break;
      case 'RequestRedirect': {
        const rr = f.requestRedirect ?? {};
        const p = modifyPath(ctx.target.path, rr.path, ctx.match);
        if (p.error) acc.error = p.error;
        const location = redirectLocation(rr, {
          scheme: ctx.scheme,
          host: ctx.host,
          path: p.path,
          rawQuery: ctx.target.rawQuery,
          listenerPort: ctx.listenerPort,
        });
        acc.redirect = { location, status: rr.statusCode ?? 302 };
        break;
      }
      case 'URLRewrite': {
        const uw = f.urlRewrite ?? {};
        if (uw.hostname) acc.rewrittenHost = uw.hostname;
        if (uw.path) {
          const p = modifyPath(ctx.target.path, uw.path, ctx.match);
          if (p.error) acc.error = p.error;
          else acc.rewrittenPath = withQuery(p.path, ctx.target.rawQuery);
        }
        break;
      }
      case 'RequestMirror': {
        const m = f.requestMirror;
        if (!m) break;
        const fraction = mirrorFraction(m);
        const valid = cf.mirrorValid !== false;
        const selected = valid && (fraction >= 1 || (fraction > 0 && ctx.random() < fraction));
        acc.mirrors.push({
          service: m.backendRef.name,
          namespace: m.backendRef.namespace ?? ctx.routeNamespace,
          port: m.backendRef.port,
          weight: 1,
          fraction,
          selected,
          valid,
          problem: cf.mirrorProblem,
        });
        break;
      }
      case 'CORS': {
        const cfg = readCors(f);
        if (cfg) acc.cors = evaluateCors(cfg, ctx.method, ctx.headers);
        break;
      }
      default:
        // Spec (HTTPRouteFilter.extensionRef): a filter that cannot be resolved MUST NOT be skipped.
        acc.error = `filter ${f.type} is not supported by this gateway`;
    }
    if (ctx.explain)
      acc.steps.push({ step: 'filter', candidate: `${where} ${f.type}`, chosen: true, reason: describe(f.type, acc) });
  }
  return acc;
}

function describe(type: string, acc: FilterResult): string {
  if (acc.error) return acc.error;
  if (type === 'RequestRedirect' && acc.redirect) return `redirect ${acc.redirect.status} to ${acc.redirect.location}`;
  if (type === 'URLRewrite') return `rewrite to ${acc.rewrittenHost ?? '(same host)'} ${acc.rewrittenPath ?? '(same path)'}`;
  if (type === 'RequestMirror') {
    const m = acc.mirrors[acc.mirrors.length - 1];
    return m
      ? `mirror to ${m.service}:${m.port ?? ''} (${Math.round(m.fraction * 100)}%, ${m.selected ? 'mirrored' : 'not mirrored'}${m.valid ? '' : `, invalid: ${m.problem}`})`
      : 'mirror';
  }
  if (type === 'CORS' && acc.cors) return acc.cors.originAllowed ? 'origin allowed' : 'origin not allowed or no Origin';
  return 'applied';
}
