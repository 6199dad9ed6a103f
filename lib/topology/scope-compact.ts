/**
 * The server-scoped view (scope.ts `scopeModel`) computed over a
 * {@link CompactModel}: the same model and scope for the same options, but
 * the filters, the Gateway cap and focus walk index arrays built once, and
 * only the nodes and edges sent are made into objects. `scopeModel` on the
 * plain model stays the reference (scope-compact.test.ts compares both).
 */
import { worst, type Health } from '@/lib/gateway-api/topology';
import { compactModel, inducedOf, pathsOf, reachOf, wholeOf, type CompactModel } from './compact';
import { noFilters, seedFilter } from './filter';
import { viewOf, type PipelineOptions } from './pipeline';
import { capByGateway, scopeKey, SERVER_SCOPE_LIMIT, SUMMARY_NODE_CAP, type TopologyScope } from './scope';
import type { ViewModel } from './types';

export { compactModel };

const RANK: Record<Health, number> = { error: 0, warning: 1, ok: 2 };
const EMPTY: ViewModel = { nodes: [], edges: [] };

/** filter.ts `filterModel` as a node mask; `undefined` when the gateway filter names no Gateway of the model. */
function filterMask(c: CompactModel, o: PipelineOptions): Uint8Array | undefined {
  const n = c.nodes.length;
  if (noFilters(o)) return new Uint8Array(n).fill(1);
  let within: Uint8Array | undefined;
  if (o.gateway) {
    const gw = c.index.get(`gateway:${o.gateway}`);
    if (gw === undefined) return undefined;
    within = pathsOf(c, [gw]);
  }
  if (!o.hostname?.trim() && !o.text?.trim() && !o.namespace?.trim()) return within;
  const test = seedFilter(o);
  const host = Boolean(o.hostname?.trim());
  const seeds: number[] = [];
  const upOnly: number[] = [];
  for (let i = 0; i < n; i++) {
    if (within && within[i] !== 1) continue;
    const node = c.nodes[i] as ViewModel['nodes'][number];
    if (!test(node)) continue;
    // A listener matched by host keeps only its upstream: its other routes serve other hosts.
    (host && node.kind === 'listener' ? upOnly : seeds).push(i);
  }
  return reachOf(c, upOnly, 'in', pathsOf(c, seeds, within), within);
}

/** Rules (in `mask`) of the routes in `keep`: collapsing folds them into their routes, so they come along. */
function withRules(c: CompactModel, keep: Uint8Array, mask: Uint8Array): Uint8Array {
  const out = keep.slice();
  for (let i = 0; i < keep.length; i++) {
    if (keep[i] !== 1 || c.nodes[i]?.kind !== 'route') continue;
    for (let p = c.out.start[i] as number; p < (c.out.start[i + 1] as number); p++) {
      const k = c.out.edges[p] as number;
      const t = c.target[k] as number;
      if (c.rest[k]?.kind === 'rule' && mask[t] === 1) out[t] = 1;
    }
  }
  return out;
}

/** Node indices reachable from `seeds` in one direction inside `mask`, with a reusable stamp array. */
function walk(c: CompactModel, seeds: number[], dir: 'in' | 'out', mask: Uint8Array, stamp: Int32Array, s: number): number[] {
  const adj = c[dir];
  const ends = dir === 'out' ? c.target : c.source;
  const seen: number[] = [];
  const stack: number[] = [];
  for (const x of seeds) {
    if (stamp[x] === s) continue;
    stamp[x] = s;
    seen.push(x);
    stack.push(x);
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (let p = adj.start[i] as number; p < (adj.start[i + 1] as number); p++) {
      const j = ends[adj.edges[p] as number] as number;
      if (stamp[j] === s || mask[j] !== 1) continue;
      stamp[j] = s;
      seen.push(j);
      stack.push(j);
    }
  }
  return seen;
}

/**
 * scope.ts `capByGateway` on the view `mask`: whole Gateways' paths, worst
 * health first, while they fit under `cap` nodes. With `collapsed`, rule nodes
 * are not counted (the collapsed view has none; their health is in their route's).
 */
function capMask(c: CompactModel, mask: Uint8Array, cap: number, collapsed: boolean) {
  const stamp = new Int32Array(c.nodes.length);
  const ranked: Array<{ id: string; paths: number[]; rank: number }> = [];
  let s = 0;
  for (let g = 0; g < c.nodes.length; g++) {
    if (mask[g] !== 1 || c.nodes[g]?.kind !== 'gateway') continue;
    const seeds = [g];
    for (let p = c.out.start[g] as number; p < (c.out.start[g + 1] as number); p++) {
      const t = c.target[c.out.edges[p] as number] as number;
      if (mask[t] === 1) seeds.push(t);
    }
    const up = walk(c, seeds, 'in', mask, stamp, ++s);
    const paths = walk(c, seeds, 'out', mask, stamp, ++s);
    // Downstream nodes carry stamp s now; upstream ones not among them are added once.
    for (const i of up) if (stamp[i] !== s) paths.push(i);
    let h: Health = 'ok';
    for (const i of paths) if ((h = worst(h, (c.nodes[i] as ViewModel['nodes'][number]).health)) === 'error') break;
    ranked.push({ id: (c.nodes[g] as ViewModel['nodes'][number]).id, paths, rank: RANK[h] });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
  const keep = new Uint8Array(c.nodes.length);
  const counts = (i: number) => !collapsed || c.nodes[i]?.kind !== 'rule';
  let size = 0;
  let shown = 0;
  for (const g of ranked) {
    let added = 0;
    for (const i of g.paths) if (keep[i] !== 1 && counts(i)) added++;
    if (shown > 0 && size + added > cap) continue;
    for (const i of g.paths) keep[i] = 1;
    size += added;
    shown++;
  }
  return { keep, gateways: ranked.length, shown };
}

function count(c: CompactModel, mask: Uint8Array, collapsed: boolean, kind?: string): number {
  let k = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    const nk = c.nodes[i]?.kind;
    if (kind ? nk === kind : !collapsed || nk !== 'rule') k++;
  }
  return k;
}

/** The scope of a server-computed view. */
function serverScope(
  c: CompactModel,
  o: PipelineOptions,
  view: number,
  out: number,
  gateways: number,
  shown: number,
): TopologyScope {
  const key = scopeKey(o);
  return {
    mode: 'server',
    key,
    totalNodes: c.nodes.length,
    viewNodes: view,
    gateways,
    shownGateways: shown,
    omittedNodes: view - out,
  };
}

/** A materialized view, capped like scope.ts does (focused views and views without a Gateway). */
function capView(c: CompactModel, o: PipelineOptions, view: ViewModel, cap: number) {
  const capped = view.nodes.length <= cap ? undefined : capByGateway(view, cap);
  const out = capped?.model ?? view;
  const gateways = capped?.gateways ?? view.nodes.filter((n) => n.kind === 'gateway').length;
  return {
    model: out,
    scope: serverScope(c, o, view.nodes.length, out.nodes.length, gateways, capped ? capped.shown : gateways),
  };
}

/** scope.ts `scopeModel` over the compact model: equal model and scope for equal options. */
export function scopeCompact(
  c: CompactModel,
  o: PipelineOptions,
  limits: { scopeLimit?: number; cap?: number } = {},
): { model: ViewModel; scope: TopologyScope } {
  const { scopeLimit = SERVER_SCOPE_LIMIT, cap = SUMMARY_NODE_CAP } = limits;
  if (c.nodes.length <= scopeLimit) return { model: wholeOf(c), scope: { mode: 'whole' } };
  const collapsed = Boolean(o.collapse);
  const mask = filterMask(c, o);
  if (!mask) return capView(c, o, EMPTY, cap);
  if (o.focus) {
    const f = c.index.get(o.focus);
    if (f === undefined || mask[f] !== 1 || (collapsed && c.nodes[f]?.kind === 'rule')) return capView(c, o, EMPTY, cap);
    const paths = pathsOf(c, [f], mask);
    const sub = inducedOf(c, collapsed ? withRules(c, paths, mask) : paths);
    return capView(c, o, viewOf(sub, { collapse: collapsed, focus: o.focus }), cap);
  }
  const viewNodes = count(c, mask, collapsed);
  const gateways = count(c, mask, collapsed, 'gateway');
  if (viewNodes <= cap || gateways === 0) {
    const view = viewOf(inducedOf(c, mask), { collapse: collapsed });
    return capView(c, o, view, cap);
  }
  const capped = capMask(c, mask, cap, collapsed);
  const keep = collapsed ? withRules(c, capped.keep, mask) : capped.keep;
  const model = viewOf(inducedOf(c, keep), { collapse: collapsed });
  return { model, scope: serverScope(c, o, viewNodes, model.nodes.length, capped.gateways, capped.shown) };
}

/** Focus of the plain API (detail pages): the node's paths, as pipeline.ts `viewOf` with only focus and collapse. */
export function focusCompact(c: CompactModel, focus: string, collapse: boolean): ViewModel {
  const all = new Uint8Array(c.nodes.length).fill(1);
  const f = c.index.get(focus);
  if (f === undefined || (collapse && c.nodes[f]?.kind === 'rule')) return EMPTY;
  const paths = pathsOf(c, [f], all);
  return viewOf(inducedOf(c, collapse ? withRules(c, paths, all) : paths), { collapse, focus });
}
