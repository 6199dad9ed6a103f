/**
 * Sliding-window rate limits kept in memory (per process: a limit is per replica, which still
 * bounds guessing to replicas × limit). Bounded: the oldest keys are dropped past `maxKeys`.
 */

/** A limiter allowing `limit` events per key in any `windowMs`. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Records an event for `key`; false (and nothing recorded) when the key is over its limit. */
  take(key: string, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    // Re-insert so the Map's order is least recently used first.
    this.hits.delete(key);
    this.hits.set(key, recent);
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return true;
  }

  /** Seconds until `key` may try again (0 when it may now). */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
  }
}

/** Sign-in attempts per client address: 10 a minute, so guessing a 256-bit token stays hopeless and cheap to refuse. */
export const signInLimiter: RateLimiter = ((globalThis as { __porticoSignInLimiter?: RateLimiter }).__porticoSignInLimiter ??=
  new RateLimiter(10, 60_000));

/**
 * Verification sends per signed-in session (issue #11 "Bad input and abuse"): each send makes an
 * outbound request, so 30 in 10 s at most. Keyed by the session id sealed in the session cookie, which
 * the browser cannot mint: dropping the verification cookie (a fresh one per request) gains nothing.
 */
export const verificationSendLimiter: RateLimiter = ((
  globalThis as { __porticoVerifySendLimiter?: RateLimiter }
).__porticoVerifySendLimiter ??= new RateLimiter(30, 10_000));
