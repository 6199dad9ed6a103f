/**
 * Resolve once: a name is looked up a single time and the connection goes to that IP,
 * with the name carried only in Host and SNI. A second lookup (by an HTTP client) could
 * return another address (DNS rebinding) after the guard approved the first.
 */
import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { canonicalIp } from './address-ranges';
import { guardTarget, type GuardPolicy } from './guard';

/** A resolved address and how long the lookup took. */
export interface Resolved {
  address: string;
  family: 4 | 6;
  /** Lookup time in ms; 0 when `hostname` was already an IP. */
  dnsMs: number;
}

/** The lookup function used (injectable for tests). */
export type LookupFn = (hostname: string) => Promise<{ address: string; family: number }>;

const defaultLookup: LookupFn = (h) => dnsLookup(h, { verbatim: true });

/**
 * Resolves `hostname` exactly once (dns.lookup, i.e. the system resolver and /etc/hosts);
 * an IP literal is returned as is. Rejects when the name does not resolve.
 */
export async function resolveOnce(hostname: string, lookup: LookupFn = defaultLookup): Promise<Resolved> {
  const literal = canonicalIp(hostname);
  const fam = isIP(literal);
  if (fam !== 0) return { address: literal, family: fam as 4 | 6, dnsMs: 0 };
  const start = process.hrtime.bigint();
  const r = await lookup(hostname);
  const dnsMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { address: canonicalIp(r.address), family: r.family === 6 ? 6 : 4, dnsMs };
}

/** Outcome of {@link resolveAndGuard}. */
export type GuardedAddress = { ok: true; address: string; dnsMs: number } | { ok: false; reason: string };

/**
 * Resolves a target (a discovered address or a user's override) once and checks the
 * resulting IP with the guard; the caller then connects to `address` and nothing else.
 */
export async function resolveAndGuard(
  hostOrIp: string,
  port: number,
  policy: GuardPolicy,
  lookup: LookupFn = defaultLookup,
): Promise<GuardedAddress> {
  if (/[\r\n\0\s/]/.test(hostOrIp) || hostOrIp === '')
    return { ok: false, reason: `"${hostOrIp}" is not a host name or IP address` };
  let r: Resolved;
  try {
    r = await resolveOnce(hostOrIp, lookup);
  } catch (err) {
    return { ok: false, reason: `cannot resolve ${hostOrIp}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const verdict = guardTarget(r.address, port, policy);
  return verdict.ok ? { ok: true, address: r.address, dnsMs: r.dnsMs } : verdict;
}
