import { describe, expect, it } from 'vitest';
import { isoTime } from './clock';

describe('isoTime', () => {
  it('formats exactly as Date#toISOString across seconds, padding the milliseconds', () => {
    const base = Date.UTC(2026, 10, 30, 3, 52, 41, 0);
    for (const ms of [base, base + 7, base + 42, base + 999, base + 1000, base + 1005, base - 1, Date.now()]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
