import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('post-sign-in destination', () => {
  it('keeps a local path with its query', () => {
    expect(safeNextPath('/routes?namespace=default')).toBe('/routes?namespace=default');
  });
  it('never leaves the console (no open redirect)', () => {
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'evil', '/a\r\nSet-Cookie: x=1', null, ''])
      expect(safeNextPath(bad), String(bad)).toBe('/');
  });
  it('does not return to the API or the sign-in pages', () => {
    expect(safeNextPath('/api/auth/sign-out')).toBe('/');
    expect(safeNextPath('/sign-in?next=/x')).toBe('/');
  });
});
