import { describe, expect, it } from 'vitest';
import { classifyExpiry, daysLeft } from './expiry';

const DAY = 86_400_000;
const notBefore = '2026-01-01T00:00:00.000Z';
const notAfter = '2026-04-01T00:00:00.000Z';
const at = (offsetMs: number): Date => new Date(Date.parse(notAfter) + offsetMs);

describe('classifyExpiry', () => {
  it('is valid with more than the warning window left', () => {
    expect(classifyExpiry(notAfter, at(-31 * DAY))).toBe('valid');
  });

  it('is expiring within 30 days by default, and within a custom window', () => {
    expect(classifyExpiry(notAfter, at(-30 * DAY))).toBe('expiring');
    expect(classifyExpiry(notAfter, at(-1))).toBe('expiring');
    expect(classifyExpiry(notAfter, at(-10 * DAY), 7)).toBe('valid');
    expect(classifyExpiry(notAfter, at(-6 * DAY), 7)).toBe('expiring');
  });

  it('is still valid at the notAfter instant (RFC 5280 §4.1.2.5: inclusive) and expired after it', () => {
    expect(classifyExpiry(notAfter, at(0))).toBe('expiring');
    expect(classifyExpiry(notAfter, at(1))).toBe('expired');
    expect(classifyExpiry(new Date(notAfter), at(DAY))).toBe('expired');
  });

  it('is not yet valid before notBefore when it is given', () => {
    const before = new Date(Date.parse(notBefore) - 1);
    expect(classifyExpiry(notAfter, before, 30, notBefore)).toBe('not-yet-valid');
    expect(classifyExpiry(notAfter, new Date(notBefore), 30, notBefore)).toBe('valid');
  });

  it('refuses a date it cannot read', () => {
    expect(() => classifyExpiry('soon', new Date())).toThrow(RangeError);
  });
});

describe('daysLeft', () => {
  it('rounds down to whole days and goes negative once expired', () => {
    expect(daysLeft(notAfter, at(-30 * DAY))).toBe(30);
    expect(daysLeft(notAfter, at(-30 * DAY + 1))).toBe(29);
    expect(daysLeft(notAfter, at(1))).toBe(-1);
  });
});
