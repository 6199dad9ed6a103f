/**
 * The sign-in page in OIDC mode: one link to the issuer's sign-in, keeping only a safe `next` path,
 * and the reason of a failed attempt; no token form.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import SignInPage from './page';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

async function render(params: Record<string, string>): Promise<string> {
  return renderToStaticMarkup(await SignInPage({ searchParams: Promise.resolve(params) }));
}

describe('sign-in page, OIDC mode', () => {
  it('links to the issuer with the page to return to, and shows no token form', async () => {
    Object.assign(process.env, {
      PORTICO_AUTH_MODE: 'oidc',
      PORTICO_OIDC_ISSUER: 'https://login.example.com/realms/ops',
      PORTICO_OIDC_CLIENT_ID: 'portico',
    });
    const html = await render({ next: '/routes?namespace=prod', error: 'The sign-in service refused: access_denied' });
    expect(html.replace(/<!-- -->/g, '')).toContain('>Sign in with login.example.com</a>');
    expect(html).toContain('href="/api/auth/oidc/start?next=%2Froutes%3Fnamespace%3Dprod"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('access_denied');
    expect(html).not.toContain('name="token"');
  });
  it('drops a `next` that would leave the console', async () => {
    Object.assign(process.env, {
      PORTICO_AUTH_MODE: 'oidc',
      PORTICO_OIDC_ISSUER: 'https://id.example',
      PORTICO_OIDC_CLIENT_ID: 'c',
    });
    expect(await render({ next: '//evil.example/x' })).toContain('href="/api/auth/oidc/start?next=%2F"');
  });
  it('keeps the token form in token mode', async () => {
    process.env.PORTICO_AUTH_MODE = 'token';
    expect(await render({})).toContain('name="token"');
  });
});
