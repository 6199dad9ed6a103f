import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('sliding-window rate limit', () => {
  it('allows `limit` events per window per key, then refuses with a retry time', () => {
    const rl = new RateLimiter(3, 60_000);
    expect([1, 2, 3].map(() => rl.take('a', 1000))).toEqual([true, true, true]);
    expect(rl.take('a', 2000)).toBe(false);
    expect(rl.retryAfterSeconds('a', 2000)).toBe(59);
    expect(rl.take('b', 2000)).toBe(true);
    expect(rl.take('a', 61_001)).toBe(true);
  });
  it('stays bounded in memory', () => {
    const rl = new RateLimiter(1, 60_000, 2);
    rl.take('a', 0);
    rl.take('b', 0);
    rl.take('c', 0);
    // 'a' was dropped, so it may try again: bounded memory wins over a perfect count.
    expect(rl.take('a', 1)).toBe(true);
    expect(rl.take('c', 1)).toBe(false);
  });
});
