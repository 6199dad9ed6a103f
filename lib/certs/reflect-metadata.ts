/**
 * Minimal `Reflect` metadata polyfill: @peculiar/x509's dependency injection (tsyringe) only calls
 * these three functions at import time, and the full `reflect-metadata` package is not a dependency.
 * Imported before @peculiar/x509 so certificate generation works on the server without it.
 */
type Target = object;
const store = new WeakMap<Target, Map<unknown, unknown>>();

interface MetadataReflect {
  getMetadata?: (key: unknown, target: Target) => unknown;
  getOwnMetadata?: (key: unknown, target: Target) => unknown;
  defineMetadata?: (key: unknown, value: unknown, target: Target) => void;
}

const R = Reflect as unknown as MetadataReflect;
if (!R.getMetadata) {
  R.getOwnMetadata = (key, target) => store.get(target)?.get(key);
  R.getMetadata = (key, target) => {
    for (let t: Target | null = target; t; t = Object.getPrototypeOf(t) as Target | null) {
      const v = store.get(t)?.get(key);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  R.defineMetadata = (key, value, target) => {
    const m = store.get(target) ?? new Map<unknown, unknown>();
    m.set(key, value);
    store.set(target, m);
  };
}

export {};
