import { describe, expect, it } from 'vitest';
import { formatAge } from './age';

describe('formatAge', () => {
  const now = Date.parse('2026-05-12T08:16:30Z');
  it.each([
    ['2026-05-12T08:16:00Z', '30s'],
    ['2026-05-12T08:10:30Z', '6m'],
    ['2026-05-12T03:16:30Z', '5h'],
    ['2026-05-09T08:16:30Z', '3d'],
    ['2023-05-12T08:16:30Z', '3y'],
  ])('%s is %s old', (ts, age) => expect(formatAge(ts, now)).toBe(age));
  it('shows a dash for a missing or broken timestamp', () => {
    expect(formatAge(undefined, now)).toBe('—');
    expect(formatAge('not a time', now)).toBe('—');
  });
});
