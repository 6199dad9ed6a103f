import { describe, expect, it } from 'vitest';
import { firstProblems, type Problem } from './overview';

const problem = (severity: Problem['severity'], name: string): Problem => ({
  severity,
  kind: 'HTTPRoute',
  namespace: 'default',
  name,
  condition: 'ResolvedRefs/BackendNotFound',
  message: '',
});

describe('firstProblems', () => {
  it('lists errors before warnings, each by object, and counts every problem', () => {
    const all = [problem('warning', 'a'), problem('error', 'z'), problem('warning', 'b'), problem('error', 'c')];
    const out = firstProblems(all, 3);
    expect(out.problems.map((p) => `${p.severity} ${p.name}`)).toEqual(['error c', 'error z', 'warning a']);
    expect(out.problemsTotal).toBe(4);
  });
  it('keeps every problem when there are fewer than the limit', () => {
    expect(firstProblems([problem('warning', 'a')], 100)).toEqual({ problems: [problem('warning', 'a')], problemsTotal: 1 });
  });
});
