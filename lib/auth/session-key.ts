import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from './config';
import { deriveSessionKey } from './session-crypto';

/** File in the data directory holding a generated session secret (mode 0600). */
export const SESSION_SECRET_FILE = 'session-secret';

let cached: { source: string; key: Buffer } | undefined;

/**
 * The key sealing session cookies. From PORTICO_SESSION_SECRET when set (what several replicas
 * share); otherwise a random secret generated once and kept in the data directory, so a restart
 * keeps sessions; with neither, a per-process secret (one replica only; sessions end on restart).
 */
export function sessionKey(config: Pick<AuthConfig, 'sessionSecret' | 'dataDir'>): Buffer {
  const source = config.sessionSecret ? `env:${config.sessionSecret}` : `dir:${config.dataDir ?? ''}`;
  if (cached?.source === source) return cached.key;
  const secret = config.sessionSecret ?? (config.dataDir ? fileSecret(config.dataDir) : randomBytes(32).toString('hex'));
  cached = { source, key: deriveSessionKey(secret) };
  return cached.key;
}

function fileSecret(dataDir: string): string {
  const file = path.join(dataDir, SESSION_SECRET_FILE);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not created yet
  }
  const secret = randomBytes(32).toString('hex');
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    // 'wx' so two processes starting together agree on the first one written.
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    try {
      const written = fs.readFileSync(file, 'utf8').trim();
      if (written.length >= 32) return written;
    } catch {
      // read-only or missing directory: fall through to a per-process secret
    }
    return secret;
  }
}
