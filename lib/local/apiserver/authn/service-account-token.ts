/**
 * Service-account tokens as kube-apiserver issues and checks them (pkg/serviceaccount/claims.go):
 * a JWT with the issuer, audiences, lifetime, a `jti`, and the `kubernetes.io` claim naming the
 * namespace, the ServiceAccount (name and uid) and an optional bound Secret or Pod. A token is
 * accepted only while the ServiceAccount (and bound object) still exists with the same uid.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store';
import type { JsonObject } from '../types';
import { signJwt, verifyJwt, type JwtResult, type SigningKey } from './jwt';
import { serviceAccountUser, type UserInfo } from './user';

/** The issuer kubeadm configures (`--service-account-issuer`), which is also the API audience. */
export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** The audiences the API server identifies as (`--api-audiences` defaults to the issuer). */
export const API_AUDIENCES: readonly string[] = [ISSUER];

/** Store keys of what a token names. */
export const SERVICE_ACCOUNT_RKEY = '/serviceaccounts';
const BOUND_RKEYS: Record<string, string> = { Secret: '/secrets', Pod: '/pods' };

/** An object a token is bound to (TokenRequestSpec.boundObjectRef), resolved to its uid. */
export interface BoundObject {
  kind: 'Secret' | 'Pod';
  name: string;
  uid: string;
}

/** What a token is issued for. */
export interface TokenSpec {
  namespace: string;
  name: string;
  uid: string;
  audiences: string[];
  expirationSeconds: number;
  bound?: BoundObject;
  /** Seconds since the epoch (default now). */
  now?: number;
}

/** Signs a service-account token; returns it with its expiry (seconds since the epoch). */
export function issueServiceAccountToken(key: SigningKey, spec: TokenSpec): { token: string; exp: number } {
  const iat = spec.now ?? Math.floor(Date.now() / 1000);
  const exp = iat + spec.expirationSeconds;
  const k8s: Record<string, unknown> = { namespace: spec.namespace, serviceaccount: { name: spec.name, uid: spec.uid } };
  if (spec.bound) k8s[spec.bound.kind.toLowerCase()] = { name: spec.bound.name, uid: spec.bound.uid };
  const claims = {
    aud: spec.audiences,
    exp,
    iat,
    iss: ISSUER,
    jti: randomUUID(),
    'kubernetes.io': k8s,
    nbf: iat,
    sub: `system:serviceaccount:${spec.namespace}:${spec.name}`,
  };
  return { token: signJwt(key, claims), exp };
}

/** The outcome of checking a token: the user and the audiences it was accepted for, or why not. */
export type TokenCheck = { user: UserInfo; audiences: string[] } | { error: string };

const INVALIDATED = 'service account token has been invalidated';

type Ref = { name: string; uid: string };
const refOf = (v: unknown): Ref | undefined => {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as { name?: unknown; uid?: unknown };
  return typeof r.name === 'string' && typeof r.uid === 'string' ? { name: r.name, uid: r.uid } : undefined;
};
const uidOf = (e: { obj: JsonObject } | undefined): unknown => (e?.obj.metadata as JsonObject | undefined)?.uid;

// Signature checks (RSA) are the expensive part; a token's claims never change, so each is
// verified once. Time window, audiences and the live objects are still checked on every use.
const verified = new WeakMap<SigningKey, Map<string, Record<string, unknown>>>();
const VERIFIED_MAX = 1000;

function verifiedClaims(key: SigningKey, token: string): JwtResult {
  let cache = verified.get(key);
  if (!cache) verified.set(key, (cache = new Map()));
  const hit = cache.get(token);
  if (hit) return { claims: hit };
  const v = verifyJwt(key, token);
  if ('error' in v) return v;
  if (cache.size >= VERIFIED_MAX) cache.clear();
  cache.set(token, v.claims);
  return v;
}

/**
 * Authenticates a service-account JWT against `audiences` (the API audiences by default):
 * signature, issuer, time window, audience intersection, then the live objects it names.
 */
export function checkServiceAccountToken(
  key: SigningKey,
  store: Store,
  token: string,
  audiences: readonly string[] = API_AUDIENCES,
  now = Math.floor(Date.now() / 1000),
): TokenCheck {
  const v = verifiedClaims(key, token);
  if ('error' in v) return v;
  const c = v.claims;
  if (c.iss !== ISSUER) return { error: 'token issuer is not recognized' };
  if (typeof c.exp !== 'number' || now >= c.exp) return { error: 'service account token has expired' };
  if (typeof c.nbf === 'number' && now < c.nbf) return { error: 'service account token is not valid yet' };
  const tokenAuds = Array.isArray(c.aud) ? c.aud.map(String) : typeof c.aud === 'string' ? [c.aud] : [];
  const matched = audiences.filter((a) => tokenAuds.includes(a));
  if (matched.length === 0) {
    return {
      error: `token audiences ${JSON.stringify(tokenAuds)} is invalid for the target audiences ${JSON.stringify(audiences)}`,
    };
  }
  const k8s = (c['kubernetes.io'] ?? {}) as Record<string, unknown>;
  const ns = k8s.namespace;
  const sa = refOf(k8s.serviceaccount);
  if (typeof ns !== 'string' || !sa) return { error: 'token does not name a service account' };
  if (uidOf(store.get(SERVICE_ACCOUNT_RKEY, ns, sa.name)) !== sa.uid) return { error: INVALIDATED };
  const extra: Record<string, string[]> = {};
  for (const [kind, rkey] of Object.entries(BOUND_RKEYS)) {
    const ref = refOf(k8s[kind.toLowerCase()]);
    if (!ref) continue;
    if (uidOf(store.get(rkey, ns, ref.name)) !== ref.uid) return { error: INVALIDATED };
    if (kind === 'Pod') {
      extra['authentication.kubernetes.io/pod-name'] = [ref.name];
      extra['authentication.kubernetes.io/pod-uid'] = [ref.uid];
    }
  }
  if (typeof c.jti === 'string') extra['authentication.kubernetes.io/credential-id'] = [`JTI=${c.jti}`];
  return { user: serviceAccountUser(ns, sa.name, sa.uid, extra), audiences: matched };
}
