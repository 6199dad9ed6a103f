/**
 * HTTPPathModifier for URLRewrite and RequestRedirect, and the redirect
 * Location rules of HTTPRequestRedirectFilter.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httppathmodifier
 */
import type { HTTPPathModifier, HTTPRequestRedirectFilter } from '../types';
import type { CompiledHttpMatch } from './matchers';

function trimTrailingSlash(s: string): string {
  return s.endsWith('/') ? s.slice(0, -1) : s;
}

/**
 * ReplacePrefixMatch on path elements, per the spec's table: the matched prefix
 * (trailing `/` ignored) is replaced; a replacement of `/` or '' strips it, and an
 * empty result becomes `/` (`/foo` with prefix `/foo` and `/` → `/`; `/foo/` with
 * `/xyz` → `/xyz/`).
 */
export function replacePrefix(path: string, prefixBase: string, replacement: string): string {
  const rest = path.slice(prefixBase.length);
  const out = trimTrailingSlash(replacement) + rest;
  if (out === '') return '/';
  return out.startsWith('/') ? out : `/${out}`;
}

/**
 * The new path after a path modifier, or an error when ReplacePrefixMatch is used
 * with a match that is not PathPrefix (spec: only compatible with PathPrefix).
 */
export function modifyPath(
  path: string,
  mod: HTTPPathModifier | undefined,
  match: CompiledHttpMatch | undefined,
): { path: string; error?: string } {
  if (!mod) return { path };
  if (mod.type === 'ReplaceFullPath') return { path: mod.replaceFullPath ?? '/' };
  if (mod.type === 'ReplacePrefixMatch') {
    if (!match || match.pathType !== 'PathPrefix') {
      return { path, error: 'ReplacePrefixMatch requires a PathPrefix match' };
    }
    return { path: replacePrefix(path, match.prefixBase, mod.replacePrefixMatch ?? '') };
  }
  return { path, error: `unsupported path modifier type ${String(mod.type)}` };
}

const WELL_KNOWN: Record<string, number> = { http: 80, https: 443 };

/**
 * Builds the `Location` of a RequestRedirect. Spec (HTTPRequestRedirectFilter):
 * scheme and hostname default to the request's; without a port, a set scheme uses
 * its well-known port, an unset scheme the listener port; port 80 for http and 443
 * for https are omitted. The query is preserved.
 */
export function redirectLocation(
  f: HTTPRequestRedirectFilter,
  req: { scheme: string; host: string; path: string; rawQuery: string; listenerPort: number },
): string {
  const scheme = f.scheme ?? req.scheme;
  const host = f.hostname ?? req.host;
  const port = f.port ?? (f.scheme ? (WELL_KNOWN[f.scheme] ?? req.listenerPort) : req.listenerPort);
  const omit = WELL_KNOWN[scheme] === port;
  const query = req.rawQuery ? `?${req.rawQuery}` : '';
  return `${scheme}://${host}${omit ? '' : `:${port}`}${req.path}${query}`;
}
