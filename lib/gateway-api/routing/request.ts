/**
 * Request model helpers: split path and query, and fold headers the way the
 * spec's matchers see them (case-insensitive names, RFC 7230 §3.2.2 joining).
 */
import type { HeaderBag } from './types';

/** A request target split into its path and its first-value-wins query parameters. */
export interface ParsedTarget {
  path: string;
  /** Raw query without `?` ('' when none), preserved through rewrites and redirects. */
  rawQuery: string;
  /**
   * Decoded query parameters; spec (HTTPQueryParamMatch.name): for a repeated
   * parameter implementations are recommended to match the first value.
   */
  query: Map<string, string>;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Splits `/path?x=1#frag` into path, raw query and parameters. */
export function parseTarget(target: string): ParsedTarget {
  const hash = target.indexOf('#');
  const noFrag = hash >= 0 ? target.slice(0, hash) : target;
  const q = noFrag.indexOf('?');
  const path = (q >= 0 ? noFrag.slice(0, q) : noFrag) || '/';
  const rawQuery = q >= 0 ? noFrag.slice(q + 1) : '';
  const query = new Map<string, string>();
  if (rawQuery) {
    for (const part of rawQuery.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const name = safeDecode(eq >= 0 ? part.slice(0, eq) : part);
      const value = safeDecode(eq >= 0 ? part.slice(eq + 1) : '');
      if (!query.has(name)) query.set(name, value);
    }
  }
  return { path: path.startsWith('/') ? path : `/${path}`, rawQuery, query };
}

/**
 * Lower-cases header names and joins repeated values with ",", as RFC 7230 §3.2.2
 * allows and the spec (HTTPHeaderMatch.name) recommends following.
 */
export function foldHeaders(headers: HeaderBag): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value.join(',') : value;
    const key = name.toLowerCase();
    const prev = out.get(key);
    out.set(key, prev === undefined ? v : `${prev},${v}`);
  }
  return out;
}
