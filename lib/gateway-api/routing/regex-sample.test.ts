import { describe, expect, it } from 'vitest';
import { sampleForRegex } from './regex-sample';

describe('sampleForRegex', () => {
  it.each([
    '/items/[0-9]+/reviews',
    '^/api/v\\d+/users$',
    '/(foo|bar)/.*',
    '/files/[a-z]{3}\\.txt',
    '/x?y+z*',
    '/a(?:bc)+',
    'v[0-9]+',
  ])('%s: the sample matches the anchored pattern', (pattern) => {
    const s = sampleForRegex(pattern);
    expect(s).not.toBeNull();
    const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
    expect(new RegExp(`^(?:${body})$`).test(s as string)).toBe(true);
  });

  it('picks the fewest repetitions and the first alternative', () => {
    expect(sampleForRegex('/(foo|bar)/x*')).toBe('/foo/');
    expect(sampleForRegex('/a{2,5}')).toBe('/aa');
  });

  it.each(['/(?!admin).*', '/[^/]+', '/\\s', '/(a)\\1', '/(?<id>\\d+)', '/unclosed(', '*bad'])(
    '%s is not simple: null',
    (pattern) => {
      expect(sampleForRegex(pattern)).toBeNull();
    },
  );
});
