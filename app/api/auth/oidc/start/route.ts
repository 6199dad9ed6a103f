import { startOidcSignIn } from '@/lib/auth/oidc-handler';

export const dynamic = 'force-dynamic';

/** Signed-out entry of OIDC sign-in: redirects to the issuer (authorization code + PKCE). Public, as the sign-in page. */
export function GET(request: Request) {
  return startOidcSignIn(request);
}
