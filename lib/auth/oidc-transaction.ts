/**
 * The short-lived state of one OIDC sign-in between the redirect to the issuer and its return:
 * the PKCE verifier, `state`, `nonce`, the redirect URI and where to go afterwards. Sealed with the
 * session key (AES-GCM: secret and tamper-evident) in its own cookie, so any replica can finish a
 * sign-in another one started. SameSite=Lax, unlike the session cookie: the issuer sends the browser
 * back with a cross-site top-level GET, on which a Strict cookie would be withheld.
 */
import { seal, unseal } from './session-crypto';

/** Name of the transaction cookie. */
export const OIDC_TX_COOKIE = 'portico-oidc';
/** Only the two OIDC endpoints ever receive it. */
const COOKIE_PATH = '/api/auth/oidc';
/** A sign-in not finished within this long starts over. */
export const OIDC_TX_TTL_MS = 10 * 60_000;

/** What the cookie carries. */
export interface OidcTransaction {
  kind: 'oidc-transaction';
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  next: string;
  /** Expiry (ms since epoch). */
  exp: number;
}

/** The sealed cookie value of a new transaction started `now`. */
export function sealTransaction(tx: Omit<OidcTransaction, 'kind' | 'exp'>, key: Buffer, now = Date.now()): string {
  const value: OidcTransaction = { kind: 'oidc-transaction', ...tx, exp: now + OIDC_TX_TTL_MS };
  return seal(value, key);
}

/** The transaction a cookie value carries, or undefined when it is missing, forged, of another kind or expired. */
export function openTransaction(value: string | undefined, key: Buffer, now = Date.now()): OidcTransaction | undefined {
  if (!value) return undefined;
  const v = unseal(value, key);
  if (!v || typeof v !== 'object') return undefined;
  const t = v as Record<string, unknown>;
  const strings = ['state', 'nonce', 'verifier', 'redirectUri', 'next'].every((k) => typeof t[k] === 'string' && t[k] !== '');
  if (t.kind !== 'oidc-transaction' || !strings || typeof t.exp !== 'number' || now >= t.exp) return undefined;
  return v as OidcTransaction;
}

/** `Set-Cookie` for the transaction: HttpOnly, SameSite=Lax, path-limited, Secure when asked; empty value clears it. */
export function transactionCookie(value: string, secure: boolean): string {
  const maxAge = value ? Math.floor(OIDC_TX_TTL_MS / 1000) : 0;
  return [`${OIDC_TX_COOKIE}=${value}`, `Path=${COOKIE_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`]
    .concat(secure ? ['Secure'] : [])
    .join('; ');
}
