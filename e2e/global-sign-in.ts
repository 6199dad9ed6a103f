import { request, type FullConfig } from '@playwright/test';

/**
 * Signs in once, as a user opening the printed `?token=` link would, and saves the session cookie
 * as the storage state every test starts from. The cookie is for host 127.0.0.1, so it reaches the
 * legacy server too (same access token and session secret, set by playwright.config.ts).
 */
export default async function globalSignIn(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  const token = process.env.PORTICO_E2E_ACCESS_TOKEN;
  const state = process.env.PORTICO_E2E_SESSION_STATE;
  if (!baseURL || !token || !state) throw new Error('playwright.config.ts sets baseURL and the e2e access token');
  const ctx = await request.newContext({ baseURL });
  try {
    const res = await ctx.get(`/api/auth/sign-in?${new URLSearchParams({ token, next: '/' })}`, { maxRedirects: 0 });
    if (res.status() !== 303) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
    await ctx.storageState({ path: state });
  } finally {
    await ctx.dispose();
  }
}
