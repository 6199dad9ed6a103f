/**
 * Finished ELK layouts kept in the browser's localStorage, keyed by a hash of
 * the graph's structure (lib/topology/layout-cache.ts structureKey): a revisit
 * of the same graph, in this tab or a later one, paints its refined layout at
 * once instead of running ELK again. Only graphs ELK lays out are kept (a few
 * hundred boxes at most), the newest {@link LIMIT}; storage errors (quota,
 * privacy modes) only cost the shortcut.
 */
import type { Positions } from '@/lib/topology/types';

const PREFIX = 'portico.topology.layout.';
const INDEX = `${PREFIX}index`;
const LIMIT = 24;

/** FNV-1a over UTF-16 code units, two 32-bit lanes: a short key for a structure string of any size. */
export function structureHash(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}.${key.length}`;
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The stored layout of a structure, if any. */
export function readStoredLayout(hash: string): Positions | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + hash);
    return raw ? (JSON.parse(raw) as Positions) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a finished layout, dropping the oldest beyond the limit. */
export function storeLayout(hash: string, positions: Positions): void {
  const s = storage();
  if (!s) return;
  try {
    const index = (JSON.parse(s.getItem(INDEX) ?? '[]') as string[]).filter((h) => h !== hash);
    index.push(hash);
    while (index.length > LIMIT) s.removeItem(PREFIX + (index.shift() as string));
    s.setItem(PREFIX + hash, JSON.stringify(positions));
    s.setItem(INDEX, JSON.stringify(index));
  } catch {
    // Quota or a privacy mode: the next visit lays the graph out again.
  }
}
