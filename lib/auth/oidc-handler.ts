import 'server-only';
import * as client from 'openid-client';
import { readCookie } from './cookie-header';
import { safeNextPath } from './next-path';
import { signInLimiter } from './rate-limit';
import { oidcConfiguration } from './oidc-client';
import { oidcRedirectUri } from './oidc-redirect';
import { finishOidcSignIn } from './oidc-session';
import { OIDC_TX_COOKIE, openTransaction, sealTransaction, transactionCookie } from './oidc-transaction';
import { authConfig, sessionSetCookie } from './server-session';
import { sessionKey } from './session-key';
import { clientKey } from './sign-in-handler';

const noStore = { 'cache-control': 'no-store' };

/** Back to the sign-in page with the reason; the transaction cookie is cleared, no session is set. */
function failure(next: string, message: string, secure: boolean): Response {
  const headers = new Headers({ ...noStore, location: `/sign-in?${new URLSearchParams({ next, error: message })}` });
  headers.append('set-cookie', transactionCookie('', secure));
  return new Response(null, { status: 303, headers });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The signed-in answer: a page that moves on to `next` by itself. Not a redirect: this response
 * ends a navigation the issuer started cross-site, and browsers withhold a SameSite=Strict cookie
 * from every step of such a chain, so `next` would open signed out. A refresh from this page is a
 * same-site navigation, which carries the new session cookie.
 */
function signedIn(next: string, cookies: string[]): Response {
  const href = escapeHtml(next);
  const body = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Signed in</title></head><body><p>Signed in. <a href="${href}">Continue to Portico</a></p></body></html>`;
  const headers = new Headers({ ...noStore, 'content-type': 'text/html; charset=utf-8' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(body, { status: 200, headers });
}

/**
 * GET /api/auth/oidc/start?next=…: sends the browser to the issuer's authorization endpoint
 * (authorization code flow, OIDC Core §3.1) with a fresh `state`, `nonce` and PKCE S256 challenge
 * (RFC 7636 §4.2), keeping the verifier and both values in the sealed transaction cookie.
 */
export async function startOidcSignIn(request: Request): Promise<Response> {
  const config = authConfig();
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  if (config.mode !== 'oidc' || !config.oidc)
    return Response.json({ error: 'OIDC sign-in is not enabled on this console.' }, { status: 404, headers: noStore });
  let redirectUri: string;
  let issuer: client.Configuration;
  try {
    redirectUri = oidcRedirectUri(config.oidc, request);
    issuer = await oidcConfiguration(config.oidc);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return failure(next, `The sign-in service could not be reached: ${why}`.slice(0, 280), config.secureCookies);
  }
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const location = client.buildAuthorizationUrl(issuer, {
    redirect_uri: redirectUri,
    scope: config.oidc.scopes.join(' '),
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const tx = sealTransaction({ state, nonce, verifier, redirectUri, next }, sessionKey(config));
  const headers = new Headers({ ...noStore, location: location.href });
  headers.append('set-cookie', transactionCookie(tx, config.secureCookies));
  return new Response(null, { status: 303, headers });
}

/**
 * GET /api/auth/oidc/callback?code=…&state=…: finishes the sign-in the transaction cookie describes
 * (one use: the cookie is cleared whatever happens), then makes a session exactly as token mode does.
 */
export async function finishOidcCallback(request: Request): Promise<Response> {
  const config = authConfig();
  const secure = config.secureCookies;
  if (config.mode !== 'oidc' || !config.oidc)
    return Response.json({ error: 'OIDC sign-in is not enabled on this console.' }, { status: 404, headers: noStore });
  // Counted with the token sign-ins: each callback costs a code exchange and a review by the cluster.
  if (!signInLimiter.take(clientKey(request)))
    return failure('/', 'Too many sign-in attempts: wait a minute, then try again.', secure);
  const tx = openTransaction(readCookie(request.headers.get('cookie'), OIDC_TX_COOKIE), sessionKey(config));
  if (!tx) return failure('/', 'The sign-in expired or was started in another browser: sign in again.', secure);
  const params = new URL(request.url).searchParams;
  const issuerError = params.get('error');
  if (issuerError) {
    const detail = params.get('error_description') ?? issuerError;
    return failure(tx.next, `The sign-in service refused: ${detail}`.slice(0, 280), secure);
  }
  // The URL the issuer redirected to, whatever host a proxy in front of us rewrote it to.
  const current = new URL(tx.redirectUri);
  current.search = params.toString();
  const outcome = await finishOidcSignIn(config, tx, current);
  if (!outcome.ok) return failure(tx.next, outcome.message, secure);
  return signedIn(tx.next, [sessionSetCookie(outcome.session, config), transactionCookie('', secure)]);
}
