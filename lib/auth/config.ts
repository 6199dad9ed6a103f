/**
 * The console's access-control configuration, read from the environment. Pure over the `env`
 * record it is given, so the rules are testable without touching the process.
 */

/**
 * How users prove who they are (issue #11 "Access"):
 * - `local`: one random access token printed at start (`?token=`), exchanged for a session; the
 *   console's own kubeconfig is used for the API (a workstation or the embedded cluster).
 * - `token`: each user signs in with a Kubernetes bearer token, validated with a SelfSubjectReview and
 *   used for every API call of that user, so their own RBAC applies.
 * - `oidc`: each user signs in at an OpenID Connect issuer (authorization code + PKCE); the id-token
 *   is then used exactly as a `token` mode bearer token.
 */
export type AuthMode = 'local' | 'token' | 'oidc';

/** The OpenID Connect relying party settings of `oidc` mode. */
export interface OidcSettings {
  /** The issuer URL (PORTICO_OIDC_ISSUER), exactly as its id-tokens' `iss` claim and the API server's --oidc-issuer-url. */
  issuer: string;
  /** The client id (PORTICO_OIDC_CLIENT_ID): the id-token's audience, the API server's --oidc-client-id. */
  clientId: string;
  /** The client secret (PORTICO_OIDC_CLIENT_SECRET); absent: a public client, protected by PKCE alone. */
  clientSecret?: string;
  /** Scopes asked for (PORTICO_OIDC_SCOPES, space- or comma-separated; default `openid profile email`). */
  scopes: string[];
  /** The console's public URL (PORTICO_PUBLIC_URL): the redirect URI is its origin + /api/auth/oidc/callback. */
  publicUrl?: string;
}

/** Validated access-control settings. */
export interface AuthConfig {
  mode: AuthMode;
  /** The local-mode access token (PORTICO_ACCESS_TOKEN); absent means nobody can sign in locally. */
  accessToken?: string;
  /** Secret the session key is derived from (PORTICO_SESSION_SECRET); absent: a key kept in the data dir. */
  sessionSecret?: string;
  /** Where a generated session key is kept (PORTICO_DATA_DIR). */
  dataDir?: string;
  /** A session unused this long is over (PORTICO_SESSION_IDLE_MINUTES, default 60). */
  idleMs: number;
  /** A session is over this long after sign-in, used or not (PORTICO_SESSION_MAX_HOURS, default 12). */
  maxAgeMs: number;
  /** Cookies carry `Secure` (PORTICO_SECURE_COOKIES=1, or PORTICO_PUBLIC_URL is https). */
  secureCookies: boolean;
  /** Origins besides the console's own that may send mutations (PORTICO_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /** Where audit records go (PORTICO_AUDIT_LOG: a file path, `stdout`, or `off`; default stdout). */
  auditLog: string;
  /** `oidc` mode only: the issuer and client. */
  oidc?: OidcSettings;
}

const positive = (raw: string | undefined, fallback: number): number => {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The `oidc` mode settings; throws naming every missing or malformed one, so a misconfiguration stops the start. */
function readOidc(env: Record<string, string | undefined>, publicUrl: string | undefined): OidcSettings {
  const issuer = env.PORTICO_OIDC_ISSUER?.trim();
  const clientId = env.PORTICO_OIDC_CLIENT_ID?.trim();
  const missing = [...(issuer ? [] : ['PORTICO_OIDC_ISSUER']), ...(clientId ? [] : ['PORTICO_OIDC_CLIENT_ID'])];
  if (!issuer || !clientId) throw new Error(`PORTICO_AUTH_MODE=oidc needs ${missing.join(' and ')}`);
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`PORTICO_OIDC_ISSUER must be a URL, not ${JSON.stringify(issuer)}`);
  }
  // OIDC Discovery §3 / kube-apiserver --oidc-issuer-url: https, except a loopback issuer (tests, workstations).
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new Error(`PORTICO_OIDC_ISSUER must be an https URL (http only on 127.0.0.1), not ${issuer}`);
  const scopes = (env.PORTICO_OIDC_SCOPES?.trim() || 'openid profile email').split(/[\s,]+/).filter(Boolean);
  const secret = env.PORTICO_OIDC_CLIENT_SECRET?.trim();
  return {
    issuer,
    clientId,
    ...(secret ? { clientSecret: secret } : {}),
    // The id-token is what the cluster receives: without `openid` the issuer would not send one.
    scopes: scopes.includes('openid') ? scopes : ['openid', ...scopes],
    ...(publicUrl ? { publicUrl } : {}),
  };
}

/** Reads {@link AuthConfig} from `env`; an unknown mode is an error rather than a silent default. */
export function readAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const mode = (env.PORTICO_AUTH_MODE ?? 'local').trim().toLowerCase();
  if (mode !== 'local' && mode !== 'token' && mode !== 'oidc')
    throw new Error(`PORTICO_AUTH_MODE must be "local", "token" or "oidc", not ${JSON.stringify(env.PORTICO_AUTH_MODE)}`);
  const publicUrl = env.PORTICO_PUBLIC_URL?.trim();
  const accessToken = env.PORTICO_ACCESS_TOKEN?.trim();
  const sessionSecret = env.PORTICO_SESSION_SECRET?.trim();
  return {
    mode,
    ...(accessToken ? { accessToken } : {}),
    ...(sessionSecret ? { sessionSecret } : {}),
    ...(env.PORTICO_DATA_DIR?.trim() ? { dataDir: env.PORTICO_DATA_DIR.trim() } : {}),
    idleMs: positive(env.PORTICO_SESSION_IDLE_MINUTES, 60) * 60_000,
    maxAgeMs: positive(env.PORTICO_SESSION_MAX_HOURS, 12) * 3_600_000,
    secureCookies: env.PORTICO_SECURE_COOKIES === '1' || (publicUrl?.startsWith('https://') ?? false),
    allowedOrigins: [
      ...(publicUrl ? [new URL(publicUrl).origin] : []),
      ...(env.PORTICO_ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
        .map((o) => new URL(o).origin),
    ],
    auditLog: env.PORTICO_AUDIT_LOG?.trim() || 'stdout',
    ...(mode === 'oidc' ? { oidc: readOidc(env, publicUrl) } : {}),
  };
}
