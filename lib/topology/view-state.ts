/**
 * The topology view's state as URL search parameters, so every view
 * (filters, focus, zoom, tab, traced request) can be shared as a link.
 */
import type { TopologyFilters } from './types';

/** Everything the topology page keeps in its URL. */
export interface TopologyViewState extends TopologyFilters {
  /** Rules folded into routes. */
  collapse: boolean;
  /** Focused node id. */
  focus?: string;
  /** Selected node id (side panel). */
  selected?: string;
  /** Viewport: zoom and top-left offset; absent = fit the graph. */
  zoom?: number;
  x?: number;
  y?: number;
  tab: 'graph' | 'table';
  /** Traced request. */
  trace?: string;
  method?: string;
  headers?: string[];
}

const num = (v: string | null): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const str = (v: string | null): string | undefined => (v && v.trim() !== '' ? v : undefined);

/** Reads the view state; unknown or malformed values fall back to defaults. */
export function readViewState(p: URLSearchParams): TopologyViewState {
  const zoom = num(p.get('zoom'));
  const headers = p.getAll('h').filter((h) => h.trim() !== '');
  const s: TopologyViewState = { collapse: p.get('collapse') === '1', tab: p.get('tab') === 'table' ? 'table' : 'graph' };
  const set = <K extends keyof TopologyViewState>(k: K, v: TopologyViewState[K] | undefined) => {
    if (v !== undefined) s[k] = v;
  };
  set('namespace', str(p.get('ns')));
  set('gateway', str(p.get('gw')));
  set('hostname', str(p.get('host')));
  set('text', str(p.get('q')));
  set('focus', str(p.get('focus')));
  set('selected', str(p.get('sel')));
  set('zoom', zoom !== undefined && zoom > 0 ? Math.min(Math.max(zoom, 0.05), 4) : undefined);
  set('x', num(p.get('x')));
  set('y', num(p.get('y')));
  set('trace', str(p.get('trace')));
  set('method', str(p.get('method'))?.toUpperCase());
  if (headers.length > 0) s.headers = headers;
  return s;
}

/** Writes the view state, leaving defaults out so links stay short. */
export function writeViewState(s: TopologyViewState): URLSearchParams {
  const p = new URLSearchParams();
  const put = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') p.set(k, String(v));
  };
  put('ns', s.namespace);
  put('gw', s.gateway);
  put('host', s.hostname);
  put('q', s.text);
  if (s.collapse) p.set('collapse', '1');
  put('focus', s.focus);
  put('sel', s.selected);
  if (s.tab === 'table') p.set('tab', 'table');
  put('zoom', s.zoom === undefined ? undefined : Math.round(s.zoom * 1000) / 1000);
  put('x', s.x === undefined ? undefined : Math.round(s.x));
  put('y', s.y === undefined ? undefined : Math.round(s.y));
  put('trace', s.trace);
  put('method', s.method && s.method !== 'GET' ? s.method : undefined);
  for (const h of s.headers ?? []) p.append('h', h);
  return p;
}
