/**
 * HTTPRouteMatch evaluation: path (Exact, PathPrefix, RegularExpression),
 * headers, query parameters and method, all ANDed within one match.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutematch
 */
import type { HTTPRouteMatch } from '../types';
import type { ParsedTarget } from './request';

/** A value matcher: exact string or anchored regular expression. */
export interface ValueMatcher {
  name: string;
  type: 'Exact' | 'RegularExpression';
  value: string;
  /** Compiled pattern; `null` when the pattern does not compile (never matches). */
  regex?: RegExp | null;
}

/** An HTTPRouteMatch with defaults applied and patterns compiled once. */
export interface CompiledHttpMatch {
  pathType: 'Exact' | 'PathPrefix' | 'RegularExpression';
  pathValue: string;
  /** PathPrefix value without its trailing `/` (spec: a trailing `/` is ignored); '' for `/`. */
  prefixBase: string;
  pathRegex?: RegExp | null;
  method?: string;
  headers: ValueMatcher[];
  query: ValueMatcher[];
}

/**
 * Compiles a pattern as a full match, as RE2-based data planes (Envoy) apply
 * `RegularExpression` values. Returns null when the pattern is invalid.
 */
export function compileFullMatch(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

function compileValues(
  list: Array<{ name: string; value: string; type?: 'Exact' | 'RegularExpression' }> | undefined,
  caseInsensitiveNames: boolean,
): ValueMatcher[] {
  const seen = new Set<string>();
  const out: ValueMatcher[] = [];
  for (const m of list ?? []) {
    const name = caseInsensitiveNames ? m.name.toLowerCase() : m.name;
    // Spec: only the first entry with an equivalent name is considered.
    if (seen.has(name)) continue;
    seen.add(name);
    const type = m.type === 'RegularExpression' ? 'RegularExpression' : 'Exact';
    out.push({ name, type, value: m.value, regex: type === 'RegularExpression' ? compileFullMatch(m.value) : undefined });
  }
  return out;
}

/** Applies the spec defaults (PathPrefix "/") and compiles one HTTPRouteMatch. */
export function compileHttpMatch(m: HTTPRouteMatch | undefined): CompiledHttpMatch {
  const pathType = m?.path?.type ?? 'PathPrefix';
  const pathValue = m?.path?.value ?? '/';
  const prefixBase = pathValue.endsWith('/') ? pathValue.slice(0, -1) : pathValue;
  return {
    pathType,
    pathValue,
    prefixBase,
    pathRegex: pathType === 'RegularExpression' ? compileFullMatch(pathValue) : undefined,
    method: m?.method,
    headers: compileValues(m?.headers, true),
    query: compileValues(m?.queryParams, false),
  };
}

/**
 * PathPrefix on path-element boundaries (spec HTTPPathMatch): `/abc` matches
 * `/abc`, `/abc/` and `/abc/def`, never `/abcd`.
 */
export function prefixMatches(prefixBase: string, path: string): boolean {
  if (prefixBase === '') return true;
  if (!path.startsWith(prefixBase)) return false;
  return path.length === prefixBase.length || path.charCodeAt(prefixBase.length) === 47; /* '/' */
}

/** True when the request path satisfies the match's path condition. */
export function pathMatches(m: CompiledHttpMatch, path: string): boolean {
  switch (m.pathType) {
    case 'Exact':
      return path === m.pathValue;
    case 'PathPrefix':
      return prefixMatches(m.prefixBase, path);
    default:
      return m.pathRegex ? m.pathRegex.test(path) : false;
  }
}

/** True when `actual` satisfies one value matcher. */
export function valueMatches(vm: ValueMatcher, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (vm.type === 'Exact') return actual === vm.value;
  return vm.regex ? vm.regex.test(actual) : false;
}

/** Everything a request must satisfy for one match; fast path, no allocation on success. */
export function httpMatchHits(m: CompiledHttpMatch, method: string, t: ParsedTarget, headers: Map<string, string>): boolean {
  if (!pathMatches(m, t.path)) return false;
  if (m.method !== undefined && m.method !== method) return false;
  for (const h of m.headers) if (!valueMatches(h, headers.get(h.name))) return false;
  for (const q of m.query) if (!valueMatches(q, t.query.get(q.name))) return false;
  return true;
}

/** The conditions of a match the request fails, worded for the trace view. */
export function httpMatchMisses(m: CompiledHttpMatch, method: string, t: ParsedTarget, headers: Map<string, string>): string[] {
  const out: string[] = [];
  if (!pathMatches(m, t.path)) {
    const invalid = m.pathType === 'RegularExpression' && !m.pathRegex ? ' (invalid pattern)' : '';
    out.push(`path ${t.path} does not match ${m.pathType} ${m.pathValue}${invalid}`);
  }
  if (m.method !== undefined && m.method !== method) out.push(`method ${method} is not ${m.method}`);
  for (const h of m.headers) {
    const v = headers.get(h.name);
    if (!valueMatches(h, v))
      out.push(v === undefined ? `header ${h.name} missing` : `header ${h.name}: ${v} does not match ${h.type} ${h.value}`);
  }
  for (const q of m.query) {
    const v = t.query.get(q.name);
    if (!valueMatches(q, v))
      out.push(v === undefined ? `query ${q.name} missing` : `query ${q.name}=${v} does not match ${q.type} ${q.value}`);
  }
  return out;
}

/** Counts the conditions a match declares (path counts as one), for "closest candidate" scoring. */
export function httpMatchConditions(m: CompiledHttpMatch): number {
  return 1 + (m.method ? 1 : 0) + m.headers.length + m.query.length;
}
