import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStoredLayout, storeLayout, structureHash } from './stored-layouts';

/** A Map-backed Storage, as the browser's localStorage behaves for these calls. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const box = (x: number) => ({ x, y: 0, width: 232, height: 58 });

describe('stored layouts', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
    (globalThis as { window?: unknown }).window = { localStorage: storage };
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('hashes equal structures equally and a changed edge or height differently', () => {
    const key = 'gateway:a/gw 58\nlistener:a/gw#web 58\ngateway:a/gw>listener:a/gw#web';
    expect(structureHash(key)).toBe(structureHash(`${key}`));
    expect(structureHash(key)).not.toBe(structureHash(key.replace('web 58', 'web 74')));
    expect(structureHash(key)).not.toBe(structureHash(`${key}\nlistener:a/gw#web>route:x`));
  });

  it('gives a revisit the stored layout and keeps only the newest 24', () => {
    storeLayout('first', { a: box(1) });
    expect(readStoredLayout('first')).toEqual({ a: box(1) });
    for (let i = 0; i < 24; i++) storeLayout(`g${i}`, { a: box(i) });
    expect(readStoredLayout('first')).toBeUndefined();
    expect(readStoredLayout('g23')).toEqual({ a: box(23) });
    expect(readStoredLayout('g0')).toEqual({ a: box(0) });
  });

  it('costs only the shortcut when storage refuses (quota, privacy modes)', () => {
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => storeLayout('x', { a: box(1) })).not.toThrow();
    expect(readStoredLayout('x')).toBeUndefined();
  });
});
