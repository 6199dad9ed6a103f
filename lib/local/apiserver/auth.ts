/**
 * The admin's static bearer token: generated once per data dir and written into the kubeconfig;
 * it authenticates as `portico-admin` in system:masters. Requests are authenticated (this token or
 * a service-account JWT) and RBAC-authorized by ./authz/access; `isAuthorized` is the admin-only
 * check for callers outside the router.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';

/** Reads `<dataDir>/token`, creating a random one on first start. */
export function loadOrCreateToken(dataDir: string): string {
  const file = path.join(dataDir, 'token');
  if (existsSync(file)) {
    const t = readFileSync(file, 'utf8').trim();
    if (t) return t;
  }
  const token = randomBytes(32).toString('hex');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}

/** True when the request carries `Authorization: Bearer <token>` with exactly this (admin) token. */
export function isAuthorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) return false;
  const got = Buffer.from(m[1]);
  const want = Buffer.from(token);
  return got.length === want.length && timingSafeEqual(got, want);
}
