import { describe, expect, it } from 'vitest';
import { filterText, matchText } from './match-text';

describe('matchText', () => {
  it('shows the seed rule as PathPrefix /get', () => {
    expect(matchText({ path: { type: 'PathPrefix', value: '/get' } })).toBe('PathPrefix /get');
  });
  it('defaults an empty match to PathPrefix / as the spec does', () => {
    expect(matchText({})).toBe('PathPrefix /');
  });
  it('lists method, headers and query parameters', () => {
    expect(
      matchText({
        path: { type: 'Exact', value: '/a' },
        method: 'POST',
        headers: [{ name: 'env', value: 'canary' }],
        queryParams: [{ type: 'RegularExpression', name: 'v', value: '^2' }],
      }),
    ).toBe('Exact /a, POST, header env = canary, query v ~ ^2');
  });
});

describe('filterText', () => {
  it('describes redirects and header modifiers', () => {
    expect(filterText({ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } })).toBe(
      'redirect 301 https://',
    );
    expect(
      filterText({
        type: 'RequestHeaderModifier',
        requestHeaderModifier: { set: [{ name: 'x-a', value: '1' }], remove: ['x-b'] },
      }),
    ).toBe('request headers: set x-a, remove x-b');
  });
});
