/**
 * ISO-8601 timestamps for the access log without a `Date` per request: the part up to the
 * second is formatted once per second and the milliseconds appended.
 */

let cachedSecond = -1;
let cachedPrefix = '';

/** `new Date(ms).toISOString()`, computed cheaply when consecutive calls fall in the same second. */
export function isoTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    // `2026-11-30T03:52:41` (the 19 characters before `.mmmZ`).
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const frac = ms - second * 1000;
  return `${cachedPrefix}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}Z`;
}
