import { describe, expect, it } from 'vitest';
import { pathOfUrl, signInHref } from './sign-in-href';

describe('signInHref', () => {
  it('keeps the current page (with its query) and the reason', () => {
    expect(signInHref('/routes?ns=prod', 'idle')).toBe('/sign-in?next=%2Froutes%3Fns%3Dprod&reason=idle');
  });
  it('never sends the user elsewhere after sign-in (open redirect) and defaults unknown reasons', () => {
    expect(signInHref('//evil.example/x', 'whatever')).toBe('/sign-in?next=%2F&reason=missing');
    expect(signInHref('/api/objects/Gateway', undefined)).toBe('/sign-in?next=%2F&reason=missing');
  });
  it('reads the path of a Referer', () => {
    expect(pathOfUrl('http://127.0.0.1:3000/yaml?x=1')).toBe('/yaml?x=1');
    expect(pathOfUrl('not a url')).toBeUndefined();
  });
});
