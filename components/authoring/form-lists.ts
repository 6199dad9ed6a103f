/** Compact text encodings of small lists in the forms: `a, b` and `name=value, name2=value2`. */

/** Splits a comma-separated list, keeping empty entries while the user types. */
export function splitList(text: string): string[] {
  return text === '' ? [] : text.split(',').map((s) => s.trim());
}

/** `name=value` pairs from text. */
export function splitPairs(text: string): Array<{ name: string; value: string }> {
  return splitList(text).map((s) => {
    const i = s.indexOf('=');
    return i < 0 ? { name: s, value: '' } : { name: s.slice(0, i).trim(), value: s.slice(i + 1).trim() };
  });
}

/** Text of `name=value` pairs. */
export function joinPairs(list: Array<{ name: string; value: string }>): string {
  return list.map((h) => (h.value === '' ? h.name : `${h.name}=${h.value}`)).join(', ');
}
