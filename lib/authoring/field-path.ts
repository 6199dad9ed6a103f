/**
 * Kubernetes field paths (`spec.listeners[0].hostname`, structured-merge-diff's
 * `.spec.listeners[name="a"]`) turned into steps that can be walked through a YAML document.
 */

/**
 * One step: a map key, a list index, or a list item chosen by its key fields (associative lists);
 * `last` picks the last matching item (the duplicate, when a key repeats).
 */
export type PathStep = string | number | { match: Record<string, string>; last?: boolean };

/**
 * Parses a field path as the API server reports it in `details.causes[].field` (field.Path's
 * String form: `a.b[2].c`, map keys as `[key]`) or in structured-merge-diff messages
 * (`.spec.listeners[name="a"]`).
 */
export function parseFieldPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  const s = path.trim().replace(/^\./, '');
  while (i < s.length) {
    const ch = s[i];
    if (ch === '.') {
      i++;
      continue;
    }
    if (ch === '[') {
      const end = findClose(s, i);
      steps.push(parseBracket(s.slice(i + 1, end)));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
    steps.push(s.slice(i, j));
    i = j;
  }
  return steps;
}

function findClose(s: string, open: number): number {
  let quoted = false;
  for (let k = open + 1; k < s.length; k++) {
    if (s[k] === '"' && s[k - 1] !== '\\') quoted = !quoted;
    else if (s[k] === ']' && !quoted) return k;
  }
  return s.length;
}

function parseBracket(inner: string): PathStep {
  if (/^\d+$/.test(inner)) return Number(inner);
  // Associative list key: name="a" or name="a",port=80.
  const pairs = [...inner.matchAll(/([A-Za-z0-9_]+)=("(?:[^"\\]|\\.)*"|[^,]*)/g)];
  if (pairs.length > 0 && pairs.map((p) => p[0]).join(',') === inner) {
    const match: Record<string, string> = {};
    for (const p of pairs) {
      const raw = p[2] ?? '';
      match[p[1] ?? ''] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    }
    return { match };
  }
  return inner;
}

/**
 * Field paths found in an API error message, for errors that carry no `details.causes`
 * (e.g. `failed to create typed patch object (…): .spec.listeners: duplicate entries for key [name="a"]`).
 * Duplicate-key messages point at the duplicated item itself.
 */
export function fieldPathsInMessage(message: string): PathStep[][] {
  const out: PathStep[][] = [];
  const dup = /(\.[A-Za-z0-9_.[\]="-]+): duplicate entries for key (\[[^\]]*\])/.exec(message);
  if (dup?.[1] && dup[2]) {
    const item = parseBracket(dup[2].slice(1, -1));
    out.push([...parseFieldPath(dup[1]), typeof item === 'object' ? { ...item, last: true } : item]);
    return out;
  }
  for (const m of message.matchAll(/(?:^|[\s:(])((?:spec|metadata|status)(?:\.[A-Za-z0-9_]+|\[[^\]]+\])+)/g)) {
    if (m[1]) out.push(parseFieldPath(m[1]));
  }
  return out;
}
