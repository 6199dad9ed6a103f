import { describe, expect, it } from 'vitest';
import { failingConditions, healthOf } from './conditions';

const c = (type: string, status: string, observedGeneration?: number) => ({
  type,
  status,
  reason: 'R',
  ...(observedGeneration ? { observedGeneration } : {}),
});

describe('healthOf', () => {
  it('is pending when no controller wrote conditions', () => {
    expect(healthOf(undefined, ['Accepted'])).toBe('pending');
    expect(healthOf([], ['Accepted'])).toBe('pending');
  });
  it('is ok when every required condition is True', () => {
    expect(healthOf([c('Accepted', 'True'), c('Programmed', 'True')], ['Accepted', 'Programmed'])).toBe('ok');
  });
  it('is error when any required condition is False', () => {
    expect(healthOf([c('Accepted', 'True'), c('Programmed', 'False')], ['Accepted', 'Programmed'])).toBe('error');
  });
  it('is warning when a required condition is missing, Unknown, or stale', () => {
    expect(healthOf([c('Accepted', 'True')], ['Accepted', 'Programmed'])).toBe('warning');
    expect(healthOf([c('Accepted', 'Unknown')], ['Accepted'])).toBe('warning');
    expect(healthOf([c('Accepted', 'True', 1)], ['Accepted'], 2)).toBe('warning');
  });
  it('ignores conditions that are not required', () => {
    expect(healthOf([c('Accepted', 'True'), c('Conflicted', 'False')], ['Accepted'])).toBe('ok');
  });
});

describe('failingConditions', () => {
  it('lists False before Unknown and skips True', () => {
    const out = failingConditions([c('A', 'Unknown'), c('B', 'True'), c('C', 'False')], ['A', 'B', 'C']);
    expect(out.map((x) => x.type)).toEqual(['C', 'A']);
  });
});
