import 'server-only';
import * as client from 'openid-client';
import type { AuthConfig } from './config';
import { oidcConfiguration } from './oidc-client';
import type { OidcTransaction } from './oidc-transaction';
import type { Session } from './session';
import { reviewedSession, signInAudit } from './sign-in';

/** The outcome of finishing an OIDC sign-in: a session, or the sentence the sign-in page shows. */
export type OidcSignInOutcome = { ok: true; session: Session } | { ok: false; message: string };

/** A short, credential-free reason from openid-client's errors (they name the failed check, never a token). */
function why(err: unknown): string {
  if (err instanceof client.ResponseBodyError) return `${err.error}${err.error_description ? `: ${err.error_description}` : ''}`;
  // openid-client wraps the failed check ("unexpected "state" response parameter value") in a generic error.
  if (err instanceof Error && err.cause instanceof Error) return err.cause.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Exchanges the authorization code of `current` (the redirect URI with the issuer's parameters) for
 * tokens and validates them: `state` against the transaction, the code with its PKCE verifier, the
 * id-token's signature, issuer, audience (the client id), expiry and `nonce` (OIDC Core §3.1.3.7).
 * Then the cluster itself authenticates the id-token (SelfSubjectReview, as token mode does), so a
 * session exists only for a token the API accepts, for the user the API says it names. It ends no
 * later than the id-token's `exp`: after that the API would refuse the token anyway.
 */
export async function finishOidcSignIn(
  config: AuthConfig,
  tx: OidcTransaction,
  current: URL,
  now = Date.now(),
): Promise<OidcSignInOutcome> {
  const audit = signInAudit(now, 'oidc');
  if (!config.oidc) return { ok: false, message: 'OIDC sign-in is not enabled on this console.' };
  let idToken: string;
  let exp: number;
  try {
    const issuer = await oidcConfiguration(config.oidc);
    const tokens = await client.authorizationCodeGrant(issuer, current, {
      pkceCodeVerifier: tx.verifier,
      expectedState: tx.state,
      expectedNonce: tx.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!tokens.id_token || !claims) throw new Error('the issuer sent no id-token');
    idToken = tokens.id_token;
    exp = claims.exp * 1000;
  } catch (err) {
    audit('anonymous', 'denied', why(err));
    return { ok: false, message: `The sign-in could not be completed (${why(err)}): sign in again.`.slice(0, 280) };
  }
  const reviewed = await reviewedSession(idToken, 'oidc', audit, now, exp);
  if (reviewed.ok) return reviewed;
  if (reviewed.refused)
    return {
      ok: false,
      message: `You signed in at ${new URL(config.oidc.issuer).host}, but the cluster did not accept the id-token: its API server must trust this issuer and client id (--oidc-issuer-url, --oidc-client-id).`,
    };
  return { ok: false, message: `The cluster could not check your sign-in: ${reviewed.detail}. Retry.`.slice(0, 280) };
}
