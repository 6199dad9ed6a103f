import { describe, expect, it } from 'vitest';
import { clearCookie, readCookie, serializeCookie } from './cookie-header';

describe('session cookie header', () => {
  it('is HttpOnly, SameSite=Strict, path-wide, Secure only when asked', () => {
    const c = serializeCookie('portico-session', 'abc', { maxAgeSeconds: 60.7, secure: false });
    expect(c.split('; ')).toEqual(['portico-session=abc', 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=60']);
    expect(serializeCookie('s', 'v', { maxAgeSeconds: 1, secure: true })).toMatch(/; Secure$/);
    expect(clearCookie('s', false)).toContain('Max-Age=0');
  });
  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; portico-session=xyz; b=2', 'portico-session')).toBe('xyz');
    expect(readCookie('portico-session-x=1', 'portico-session')).toBeUndefined();
    expect(readCookie(null, 'a')).toBeUndefined();
  });
});
