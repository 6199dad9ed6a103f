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
 */
export type AuthMode = 'local' | 'token';

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
}

const positive = (raw: string | undefined, fallback: number): number => {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Reads {@link AuthConfig} from `env`; an unknown mode is an error rather than a silent default. */
export function readAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const mode = (env.PORTICO_AUTH_MODE ?? 'local').trim().toLowerCase();
  if (mode !== 'local' && mode !== 'token')
    throw new Error(`PORTICO_AUTH_MODE must be "local" or "token", not ${JSON.stringify(env.PORTICO_AUTH_MODE)}`);
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
  };
}
