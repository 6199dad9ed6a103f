/**
 * The user an OIDC id-token names, as kube-apiserver's OIDC authenticator derives it from the
 * verified claims (flags --oidc-username-claim, --oidc-username-prefix, --oidc-groups-claim,
 * --oidc-groups-prefix; k8s.io/apiserver plugin/pkg/authenticator/token/oidc).
 */
import { AUTHENTICATED_GROUP, type UserInfo } from './user';

/** How the local API server trusts an OIDC issuer (the kube-apiserver --oidc-* flags). */
export interface OidcAuthOptions {
  /** --oidc-issuer-url: must equal the id-token's `iss` exactly. */
  issuerUrl: string;
  /** --oidc-client-id: must be one of the id-token's audiences. */
  clientId: string;
  /** --oidc-username-claim (default `sub`). */
  usernameClaim?: string;
  /**
   * --oidc-username-prefix. Unset: `<issuer-url>#` for every claim but `email` (so an issuer cannot
   * claim a name like `system:admin`); `-` turns prefixing off.
   */
  usernamePrefix?: string;
  /** --oidc-groups-claim: a string or an array of strings; unset means no groups from the token. */
  groupsClaim?: string;
  /** --oidc-groups-prefix (default none). */
  groupsPrefix?: string;
  /** --oidc-signing-algs (default RS256). */
  signingAlgs?: string[];
}

/** The prefix user names get under `opts` (see {@link OidcAuthOptions.usernamePrefix}). */
export function usernamePrefix(opts: OidcAuthOptions): string {
  if (opts.usernamePrefix === '-') return '';
  if (opts.usernamePrefix !== undefined) return opts.usernamePrefix;
  return (opts.usernameClaim ?? 'sub') === 'email' ? '' : `${opts.issuerUrl}#`;
}

/** The user of verified `claims`, or why the token names none. */
export function oidcUser(claims: Record<string, unknown>, opts: OidcAuthOptions): { user: UserInfo } | { error: string } {
  const claim = opts.usernameClaim ?? 'sub';
  const name = claims[claim];
  if (typeof name !== 'string' || name === '') return { error: `oidc: parse username claims "${claim}": claim not present` };
  // kube-apiserver: an email is only a user name when the issuer says it verified it (when it says at all).
  if (claim === 'email' && claims.email_verified !== undefined && claims.email_verified !== true)
    return { error: `oidc: email not verified` };
  const groups: string[] = [];
  if (opts.groupsClaim && claims[opts.groupsClaim] !== undefined) {
    const raw = claims[opts.groupsClaim];
    const list =
      typeof raw === 'string' ? [raw] : Array.isArray(raw) && raw.every((g) => typeof g === 'string') ? raw : undefined;
    if (!list) return { error: `oidc: parse groups claim "${opts.groupsClaim}": not a string or an array of strings` };
    groups.push(...list.map((g: string) => `${opts.groupsPrefix ?? ''}${g}`));
  }
  return {
    user: { username: `${usernamePrefix(opts)}${name}`, uid: '', groups: [...groups, AUTHENTICATED_GROUP], extra: {} },
  };
}

/**
 * The options the embedded cluster trusts from the environment: the console's own issuer and
 * client (PORTICO_OIDC_ISSUER, PORTICO_OIDC_CLIENT_ID), so `PORTICO_AUTH_MODE=oidc npm start` signs
 * users in to a cluster that accepts their id-tokens, plus PORTICO_OIDC_USERNAME_CLAIM,
 * PORTICO_OIDC_USERNAME_PREFIX, PORTICO_OIDC_GROUPS_CLAIM and PORTICO_OIDC_GROUPS_PREFIX. Undefined
 * without an issuer and a client id.
 */
export function oidcOptionsFromEnv(env: Record<string, string | undefined>): OidcAuthOptions | undefined {
  const v = (k: string) => env[k]?.trim() || undefined;
  const issuerUrl = v('PORTICO_OIDC_ISSUER');
  const clientId = v('PORTICO_OIDC_CLIENT_ID');
  if (!issuerUrl || !clientId) return undefined;
  const opt = (k: string, name: keyof OidcAuthOptions) => (v(k) !== undefined ? { [name]: v(k) } : {});
  return {
    issuerUrl,
    clientId,
    ...opt('PORTICO_OIDC_USERNAME_CLAIM', 'usernameClaim'),
    // A prefix may be set to exactly what the operator wants, spaces aside; '' is not representable in env, '-' is.
    ...opt('PORTICO_OIDC_USERNAME_PREFIX', 'usernamePrefix'),
    ...opt('PORTICO_OIDC_GROUPS_CLAIM', 'groupsClaim'),
    ...opt('PORTICO_OIDC_GROUPS_PREFIX', 'groupsPrefix'),
  };
}
