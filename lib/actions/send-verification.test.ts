/**
 * Issue #11 "Bad input and abuse": verification sends are limited per signed-in session, so a
 * client that drops (or never keeps) the verification cookie still meets the limit, and the
 * refusal is a clear 429 before anything is parsed or sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const browser = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (browser.cookies.has(name) ? { value: browser.cookies.get(name) } : undefined),
    // The client below keeps no cookie the server sets: each request comes without a verification cookie.
    set: () => undefined,
    delete: (name: string) => browser.cookies.delete(name),
  }),
  headers: async () => new Headers({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }),
}));

const saved = { ...process.env };
const ACCESS_TOKEN = 'send-limit-access-token';

beforeAll(() => {
  Object.assign(process.env, {
    PORTICO_AUTH_MODE: 'local',
    PORTICO_ACCESS_TOKEN: ACCESS_TOKEN,
    PORTICO_SESSION_SECRET: 's'.repeat(64),
    PORTICO_AUDIT_LOG: 'off',
  });
});
afterAll(() => {
  process.env = saved;
});

async function signInAsNewSession(): Promise<void> {
  const { newSession } = await import('@/lib/auth/session');
  const { sessionCookie } = await import('@/lib/auth/server-session');
  const session = newSession({ mode: 'local', user: 'local', credential: ACCESS_TOKEN, now: Date.now() });
  const c = sessionCookie(session);
  browser.cookies.clear();
  browser.cookies.set(c.name, c.value);
}

describe('verification sends per session', () => {
  beforeEach(signInAsNewSession);

  it('refuses the 31st send within 10 s with a 429, even without a verification cookie', async () => {
    const { sendVerificationRequest } = await import('./send-verification');
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await sendVerificationRequest({}));
    // The first 30 reach validation (an empty request is a 400); the 31st is stopped by the limit.
    expect(results.slice(0, 30).map((r) => (r.ok ? 200 : r.code))).toEqual(Array(30).fill(400));
    expect(results[30]).toMatchObject({ ok: false, code: 429, error: expect.stringMatching(/Too many verification requests/) });
  });

  it('counts each session on its own', async () => {
    const { sendVerificationRequest } = await import('./send-verification');
    // A fresh session (signed in again) starts with its own budget.
    expect(await sendVerificationRequest({})).toMatchObject({ ok: false, code: 400 });
  });

  it('still refuses a request without a session (401), before the limit is consulted', async () => {
    const { sendVerificationRequest } = await import('./send-verification');
    browser.cookies.clear();
    expect(await sendVerificationRequest({})).toMatchObject({ ok: false, code: 401 });
  });
});
