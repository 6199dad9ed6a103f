/**
 * Certificate validity at an instant. Pure and isomorphic (no keys), so the browser may use it
 * to re-classify as time passes.
 */
import type { ExpiryStatus } from './types';

const DAY_MS = 86_400_000;

/** The default warning window: the "expiring within 30 days". */
export const DEFAULT_WARN_DAYS = 30;

function toMs(d: string | Date): number {
  const ms = typeof d === 'string' ? Date.parse(d) : d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${String(d)}`);
  return ms;
}

/** Whole days from `now` to `notAfter`, rounded down; negative once expired. */
export function daysLeft(notAfter: string | Date, now: Date): number {
  return Math.floor((toMs(notAfter) - now.getTime()) / DAY_MS);
}

/**
 * Classifies a certificate's validity. RFC 5280 §4.1.2.5 makes the validity period inclusive of
 * both notBefore and notAfter, so a certificate is still valid at the exact notAfter instant.
 *
 * @param notAfter end of validity (ISO string or Date)
 * @param now the instant to judge at
 * @param warnDays a certificate ending within this many days is `expiring`
 * @param notBefore start of validity; when given, an earlier `now` is `not-yet-valid`
 */
export function classifyExpiry(
  notAfter: string | Date,
  now: Date,
  warnDays: number = DEFAULT_WARN_DAYS,
  notBefore?: string | Date,
): ExpiryStatus {
  const t = now.getTime();
  if (notBefore !== undefined && t < toMs(notBefore)) return 'not-yet-valid';
  const end = toMs(notAfter);
  if (t > end) return 'expired';
  if (end - t <= warnDays * DAY_MS) return 'expiring';
  return 'valid';
}
