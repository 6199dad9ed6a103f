import { finishOidcCallback } from '@/lib/auth/oidc-handler';

export const dynamic = 'force-dynamic';

/** Where the issuer sends the browser back: checks state, exchanges the code, makes the session. Public, as sign-in. */
export function GET(request: Request) {
  return finishOidcCallback(request);
}
