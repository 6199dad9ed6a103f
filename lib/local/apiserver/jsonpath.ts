/**
 * The JSONPath subset that printer columns use (`.spec.x`, `.a[0]`, `.a[*].b`,
 * `.a[?(@.type=="Ready")].status`), evaluated like kubectl's jsonpath: a list of matches.
 */
import type { Json } from './types';

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'index'; i: number }
  | { kind: 'all' }
  | { kind: 'filter'; path: string[]; op: '==' | '!='; value: string };

function parse(expr: string): Step[] {
  let s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  if (s.startsWith('$')) s = s.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '.') {
      let j = i + 1;
      while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
      const name = s.slice(i + 1, j);
      if (name) steps.push({ kind: 'field', name });
      i = j;
    } else if (ch === '[') {
      const end = s.indexOf(']', s.startsWith('[?(', i) ? s.indexOf(')]', i) : i);
      const inner = s.slice(i + 1, end);
      i = end + 1;
      if (inner === '*') steps.push({ kind: 'all' });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', i: Number(inner) });
      else if (/^['"].*['"]$/.test(inner)) steps.push({ kind: 'field', name: inner.slice(1, -1) });
      else {
        const m = /^\?\(@\.([\w.]+)\s*(==|!=)\s*["']?([^"']*)["']?\)$/.exec(inner);
        if (!m) return [];
        steps.push({ kind: 'filter', path: (m[1] ?? '').split('.'), op: m[2] === '!=' ? '!=' : '==', value: m[3] ?? '' });
      }
    } else i++;
  }
  return steps;
}

const child = (v: Json, k: string): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v[k] : undefined;

/** Every value `expr` selects in `root` (empty when nothing matches). */
export function jsonPath(root: Json, expr: string): Json[] {
  let cur: Json[] = [root];
  for (const step of parse(expr)) {
    const next: Json[] = [];
    for (const v of cur) {
      if (step.kind === 'field') {
        const c = child(v, step.name);
        if (c !== undefined) next.push(c);
      } else if (Array.isArray(v)) {
        if (step.kind === 'all') next.push(...v);
        else if (step.kind === 'index') {
          const c = v[step.i < 0 ? v.length + step.i : step.i];
          if (c !== undefined) next.push(c);
        } else {
          for (const item of v) {
            let f: Json | undefined = item;
            for (const p of step.path) f = f === undefined ? undefined : child(f, p);
            if (f !== undefined && (String(f) === step.value) === (step.op === '==')) next.push(item);
          }
        }
      }
    }
    cur = next;
  }
  return cur;
}
