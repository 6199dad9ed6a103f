/**
 * Hostname matching for listeners and routes.
 *
 * Spec: Listener.hostname and HTTPRoute.hostnames — a `*.` prefix is a suffix
 * match on whole labels (`*.example.com` matches `a.example.com` and
 * `a.b.example.com` but not `example.com`); an empty hostname matches all.
 */

/**
 * Lower-cases a Host/SNI value and drops a port and a trailing dot.
 * Spec (HTTPRoute.hostnames): implementations MUST ignore any port in the Host header.
 */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : h;
  }
  const colon = h.indexOf(':');
  if (colon >= 0) h = h.slice(0, colon);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/** True when `hostname` (a listener or route hostname, possibly `*.`-prefixed) matches `host`. */
export function hostnameMatches(hostname: string | undefined, host: string): boolean {
  if (!hostname) return true;
  if (hostname.startsWith('*.')) {
    const suffix = hostname.slice(1);
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return hostname === host;
}

/**
 * Listener specificity, higher first. Spec (Gateway listeners, "Listeners that are
 * distinct only by Hostname"): exact before wildcard before empty; among wildcards,
 * more dots to the right of the `*` wins. Length breaks remaining ties deterministically.
 */
export function listenerSpecificity(hostname: string | undefined): [number, number, number] {
  if (!hostname) return [0, 0, 0];
  if (hostname.startsWith('*')) {
    const dots = hostname.split('.').length - 1;
    return [1, dots, hostname.length];
  }
  return [2, 0, hostname.length];
}

/** Compares two listener hostnames: negative when `a` is more specific than `b`. */
export function compareListenerHostnames(a: string | undefined, b: string | undefined): number {
  const sa = listenerSpecificity(a);
  const sb = listenerSpecificity(b);
  for (let i = 0; i < 3; i++) {
    const d = (sb[i] ?? 0) - (sa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
