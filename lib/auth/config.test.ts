import { describe, expect, it } from 'vitest';
import { readAuthConfig } from './config';

describe('auth configuration', () => {
  it('defaults to local mode, 60 min idle, 12 h absolute, cookies without Secure', () => {
    const c = readAuthConfig({});
    expect(c).toMatchObject({ mode: 'local', idleMs: 3_600_000, maxAgeMs: 43_200_000, secureCookies: false, allowedOrigins: [] });
    expect(c.accessToken).toBeUndefined();
  });
  it('reads the token mode, limits, and makes cookies Secure behind an https public URL', () => {
    const c = readAuthConfig({
      PORTICO_AUTH_MODE: 'token',
      PORTICO_SESSION_IDLE_MINUTES: '15',
      PORTICO_SESSION_MAX_HOURS: '8',
      PORTICO_PUBLIC_URL: 'https://portico.example.com/console',
      PORTICO_ALLOWED_ORIGINS: 'https://ops.example.com/, ',
    });
    expect(c).toMatchObject({ mode: 'token', idleMs: 900_000, maxAgeMs: 28_800_000, secureCookies: true });
    expect(c.allowedOrigins).toEqual(['https://portico.example.com', 'https://ops.example.com']);
  });
  it('refuses an unknown mode instead of silently falling back', () => {
    expect(() => readAuthConfig({ PORTICO_AUTH_MODE: 'none' })).toThrow(/local.*token/);
  });
  it('ignores nonsense limits', () => {
    expect(readAuthConfig({ PORTICO_SESSION_IDLE_MINUTES: '-5' }).idleMs).toBe(3_600_000);
  });
});
