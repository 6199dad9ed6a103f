/** What every server action returns: plain data, never a thrown error or a raw API object. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: number };
