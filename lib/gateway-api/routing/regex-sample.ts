/**
 * A sample string for a "simple" regular expression (literals, classes, `.`, `\d`, `\w`,
 * quantifiers, groups with alternation), so a RegularExpression match can be verified
 * without asking the user. Anything richer returns null and the request is flagged.
 * Gateway API leaves the dialect implementation-specific (HTTPPathMatch RegularExpression);
 * the sample is checked with an anchored JavaScript RegExp, which agrees with RE2 on this subset.
 */

interface Cursor {
  src: string;
  i: number;
}

const CLASS_SAMPLE: Record<string, string> = { d: '1', w: 'a', D: 'a', W: '-' };

/** Parses one atom at the cursor and returns its sample, or null when unsupported. */
function atom(c: Cursor): string | null {
  const ch = c.src[c.i];
  if (ch === undefined) return null;
  if (ch === '(') {
    c.i++;
    if (c.src.startsWith('?:', c.i)) c.i += 2;
    else if (c.src[c.i] === '?') return null; // lookaround, named groups: not "simple"
    const inner = alternation(c);
    if (inner === null || c.src[c.i] !== ')') return null;
    c.i++;
    return inner;
  }
  if (ch === '[') return charClass(c);
  if (ch === '.') {
    c.i++;
    return 'a';
  }
  if (ch === '\\') {
    const next = c.src[c.i + 1];
    if (next === undefined) return null;
    c.i += 2;
    if (next in CLASS_SAMPLE) return CLASS_SAMPLE[next] ?? null;
    if (/[A-Za-z0-9]/.test(next)) return null; // \s, \b, back-references, \p{…}
    return next;
  }
  if ('*+?{})|^$'.includes(ch)) return null;
  c.i++;
  return ch;
}

/** `[abc]`, `[a-z0-9]`: the first member; negated classes are not sampled. */
function charClass(c: Cursor): string | null {
  const end = c.src.indexOf(']', c.i + 2);
  if (end < 0 || c.src[c.i + 1] === '^') return null;
  const body = c.src.slice(c.i + 1, end);
  c.i = end + 1;
  const first = body[0] === '\\' ? (CLASS_SAMPLE[body[1] ?? ''] ?? body[1]) : body[0];
  return first ?? null;
}

/** Applies a quantifier after an atom: the fewest repetitions the quantifier allows. */
function quantified(c: Cursor, sample: string): string | null {
  const q = c.src[c.i];
  let times = 1;
  if (q === '*' || q === '?') {
    times = 0;
    c.i++;
  } else if (q === '+') {
    c.i++;
  } else if (q === '{') {
    const m = /^\{(\d+)(,\d*)?\}/.exec(c.src.slice(c.i));
    if (!m) return null;
    times = Number(m[1]);
    c.i += m[0].length;
  } else {
    return sample;
  }
  if (c.src[c.i] === '?') c.i++; // lazy modifier changes nothing for a minimal sample
  return sample.repeat(times);
}

function sequence(c: Cursor): string | null {
  let out = '';
  while (c.i < c.src.length && c.src[c.i] !== '|' && c.src[c.i] !== ')') {
    const a = atom(c);
    if (a === null) return null;
    const q = quantified(c, a);
    if (q === null) return null;
    out += q;
  }
  return out;
}

function alternation(c: Cursor): string | null {
  const first = sequence(c);
  if (first === null) return null;
  while (c.src[c.i] === '|') {
    c.i++;
    if (sequence(c) === null) return null; // still parse, so the whole pattern is known simple
  }
  return first;
}

/**
 * Returns a string the (anchored) pattern matches, or null when the pattern is not
 * simple enough to sample or the sample does not match.
 */
export function sampleForRegex(pattern: string): string | null {
  const body = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  const c: Cursor = { src: body, i: 0 };
  const out = alternation(c);
  if (out === null || c.i !== body.length) return null;
  try {
    return new RegExp(`^(?:${body})$`).test(out) ? out : null;
  } catch {
    return null;
  }
}
