import 'server-only';
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcSettings } from './config';

type Cache = Map<string, client.Configuration>;
const cache: Cache = ((globalThis as { __porticoOidcConfigs?: Cache }).__porticoOidcConfigs ??= new Map());

const cacheKey = (s: OidcSettings) =>
  createHash('sha256')
    .update(JSON.stringify([s.issuer, s.clientId, s.clientSecret ?? '']))
    .digest('hex');

/**
 * The relying party's view of the issuer: its discovery document (OIDC Discovery 1.0, fetched once
 * per process and kept; a failed fetch is retried on the next sign-in) and this console's client.
 * With a secret the client authenticates with `client_secret_basic` (the default of OIDC Core §9);
 * without one it is a public client, which PKCE (RFC 7636) protects. Plain http is allowed only for a
 * loopback issuer, which the configuration already limits it to.
 */
export async function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = cacheKey(settings);
  const hit = cache.get(key);
  if (hit) return hit;
  const insecure = new URL(settings.issuer).protocol === 'http:';
  const config = await client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    undefined,
    settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
    { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 },
  );
  cache.set(key, config);
  return config;
}

/** The host users recognise the issuer by, for "Sign in with …". */
export function issuerHost(settings: OidcSettings): string {
  return new URL(settings.issuer).host;
}
