import type { OidcSettings } from './config';
import { ownOrigin } from './origin';

/** The console's redirect endpoint, which must be registered at the issuer. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The redirect URI sent to the issuer: PORTICO_PUBLIC_URL's origin + {@link OIDC_CALLBACK_PATH}. Without
 * a public URL only a loopback console derives it from the request: elsewhere the Host header is the
 * client's to choose, and the issuer's registered redirect URIs would be the only thing standing
 * between a forged host and a code sent to it.
 */
export function oidcRedirectUri(oidc: OidcSettings, request: Request): string {
  if (oidc.publicUrl) return new URL(OIDC_CALLBACK_PATH, new URL(oidc.publicUrl).origin).href;
  const origin = ownOrigin(request.headers, request.url, false);
  if (!origin || !LOOPBACK.has(new URL(origin).hostname))
    throw new Error('Set PORTICO_PUBLIC_URL to the URL users open the console at: OIDC sign-in needs it for the redirect URI.');
  return new URL(OIDC_CALLBACK_PATH, origin).href;
}
