/**
 * RE2-flavoured patterns (OpenAPI `pattern`, CEL regex functions) compiled to JS RegExp.
 * Kubernetes evaluates both with Go's RE2; the Gateway API patterns only use the common subset,
 * plus leading inline flags like `(?i)` that JS lacks, which are mapped to RegExp flags here.
 */
const cache = new Map<string, RegExp>();

/** Compiles (and caches) an RE2 pattern as an unanchored JS RegExp; throws on invalid syntax. */
export function re2(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    let flags = 'u';
    let src = pattern;
    // RE2 allows global flags at the start, also right after `^` (as Gateway API's GRPC service pattern does).
    const m = /^(\^?)\(\?([imsU]+)\)/.exec(src);
    if (m?.[2]) {
      src = (m[1] ?? '') + src.slice(m[0].length);
      for (const f of m[2]) if (f !== 'U' && !flags.includes(f)) flags += f;
    }
    try {
      re = new RegExp(src, flags);
    } catch {
      // Patterns valid in RE2 but not under the stricter `u` flag (e.g. needless escapes like `\/`-in-class variants).
      re = new RegExp(src, flags.replace('u', ''));
    }
    cache.set(pattern, re);
  }
  return re;
}
