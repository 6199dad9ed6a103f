/**
 * Loopback addresses for Gateways without `spec.addresses` (upstream-Istio style, where the
 * implementation provisions a data plane per Gateway). Each such Gateway gets its own
 * 127.0.X.Y, so two of them can both listen on port 80. The controller (which writes
 * `status.addresses`) and the gateway runtime (which binds the address) both call this pure
 * function, so they always agree without talking to each other.
 */

/** FNV-1a, 32 bit: stable across processes and Node versions (unlike any seeded hash). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The loopback address provisioned for the Gateway `namespace/name`: `127.0.X.Y` with X in
 * 1..255 and Y in 1..254, so it is never 127.0.0.1 (the ingress gateway Service's address),
 * never a network (.0) or broadcast-looking (.255) host. Deterministic: the same key always
 * maps to the same address. Linux routes all of 127.0.0.0/8 to loopback; on macOS the
 * address must first be aliased (`ifconfig lo0 alias 127.0.X.Y`), see the README.
 */
export function provisionedAddressFor(gatewayKey: string): string {
  const h = fnv1a(gatewayKey);
  const x = 1 + (h % 255);
  const y = 1 + ((h >>> 8) % 254);
  return `127.0.${x}.${y}`;
}
