/**
 * Hostname matching and intersection between listeners and routes.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutespec (hostnames)
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listener (hostname)
 */

/** RFC 1123 subdomain, optionally prefixed by a single `*.` label (spec `Hostname` pattern). */
const HOSTNAME_RE = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Why a listener hostname is not usable, or undefined when it is. The spec's
 * `Hostname` type forbids `*` alone and IP addresses; ASM's documentation says
 * to omit the field to match every host.
 */
export function listenerHostnameProblem(hostname: string | undefined): string | undefined {
  if (hostname === undefined || hostname === '') return undefined;
  if (hostname === '*') {
    return 'hostname "*" alone is not allowed: omit the hostname to match every host';
  }
  if (/^\d+(\.\d+){3}$/.test(hostname) || hostname.includes(':')) {
    return `hostname "${hostname}" is an IP address; the spec requires a DNS name`;
  }
  if (hostname.length > 253 || !HOSTNAME_RE.test(hostname)) {
    return `hostname "${hostname}" is not a valid DNS name or single leading "*." wildcard`;
  }
  return undefined;
}

/**
 * True when hostname `a` (possibly a wildcard) covers hostname `b`
 * (possibly a wildcard). A wildcard `*.example.com` matches any number of
 * labels in front of `example.com` but not `example.com` itself.
 */
export function hostnameCovers(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.charCodeAt(0) !== 42 /* '*' */ || a.charCodeAt(1) !== 46 /* '.' */) return false;
  // b must end with a's ".suffix" and have at least one more character in front of it;
  // a wildcard b must be strictly longer (more labels) than a.
  const suffixLen = a.length - 1;
  if (b.length <= suffixLen || (b.charCodeAt(0) === 42 && b.length <= a.length)) return false;
  return endsWithAt(b, a, 1, suffixLen);
}

/** True when `b` ends with `a.substring(from)`, compared in place (this is hot on large clusters). */
function endsWithAt(b: string, a: string, from: number, len: number): boolean {
  const offset = b.length - len;
  for (let i = 0; i < len; i++) if (b.charCodeAt(offset + i) !== a.charCodeAt(from + i)) return false;
  return true;
}

/**
 * Intersection of a listener hostname with a route's hostnames, per the
 * HTTPRouteSpec.hostnames rules: a route hostname matches a listener when
 * either is covered by the other, and the more specific value is the one
 * that takes effect (`*.example.com` ∩ `foo.example.com` = `foo.example.com`).
 *
 * Returns `[]` for "any host" (neither side restricts), `null` when nothing
 * intersects (the route must not attach to this listener).
 */
export function intersectHostnames(
  listenerHostname: string | undefined,
  routeHostnames: readonly string[] | undefined,
): string[] | null {
  const routes = routeHostnames ?? [];
  if (!listenerHostname) return routes.length <= 1 ? [...routes] : sortedUnique(routes);
  if (routes.length === 0) return [listenerHostname];
  if (routes.length === 1) {
    // Fast path for the common single-hostname route (hot in large clusters).
    const r = routes[0] as string;
    return hostnameCovers(listenerHostname, r) ? [r] : hostnameCovers(r, listenerHostname) ? [listenerHostname] : null;
  }
  const out: string[] = [];
  for (const r of routes) {
    if (hostnameCovers(listenerHostname, r)) out.push(r);
    else if (hostnameCovers(r, listenerHostname)) out.push(listenerHostname);
  }
  return out.length === 0 ? null : sortedUnique(out);
}

/**
 * Precedence of a listener hostname (higher first): exact names before
 * wildcards before "no hostname"; among wildcards, more labels right of the
 * `*` first (spec: Listeners that are distinct only by Hostname).
 */
export function hostnamePrecedence(hostname: string | undefined): number {
  if (!hostname) return 0;
  const labels = hostname.split('.').length;
  return hostname.startsWith('*.') ? 1000 + labels : 2000 + labels;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
