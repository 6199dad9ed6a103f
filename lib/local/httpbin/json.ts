/**
 * JSON and header formatting in httpbin's exact style, so clients written against httpbin.org
 * (and people comparing outputs by eye) see the same shapes.
 */

/** A JSON value as httpbin answers it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object as httpbin answers it. */
export type JsonObject = { [key: string]: JsonValue };

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * Serialises like Flask's `jsonify` as httpbin configures it: keys sorted at every level,
 * two-space indent and a trailing newline (httpbin.org's bodies end with `\n`).
 */
export function httpbinJson(value: unknown): string {
  return `${JSON.stringify(sortDeep(value), null, 2)}\n`;
}

/**
 * Canonical header casing as httpbin shows it. httpbin reads headers from the WSGI environ, where
 * werkzeug applies Python's `str.title()`: a letter is upper-cased when the character before it is
 * not a letter, every other letter lower-cased (`x-b3-traceid` → `X-B3-Traceid`).
 */
export function titleCaseHeader(name: string): string {
  let out = '';
  let prevLetter = false;
  for (const ch of name) {
    const isLetter = ch.toLowerCase() !== ch.toUpperCase();
    out += isLetter ? (prevLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevLetter = isLetter;
  }
  return out;
}
