/**
 * Label selectors (`=`, `==`, `!=`, `in`, `notin`, exists, `!` not-exists) and field selectors
 * (`metadata.name`, `metadata.namespace`), with the semantics of k8s.io/apimachinery/pkg/labels.
 */
import { badRequest } from './status-errors';
import type { JsonObject } from './types';

type Op = 'eq' | 'neq' | 'in' | 'notin' | 'exists' | 'notexists';
interface Requirement {
  key: string;
  op: Op;
  values: string[];
}

/** A compiled selector: true when the object matches. */
export type Matcher = (obj: JsonObject) => boolean;

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(k: string, raw: string): string {
  if (!KEY.test(k)) throw badRequest(`unable to parse requirement: invalid label key "${k}" in selector "${raw}"`);
  return k;
}
function checkValue(v: string, raw: string): string {
  if (!VALUE.test(v) || v.length > 63)
    throw badRequest(`unable to parse requirement: invalid label value "${v}" in selector "${raw}"`);
  return v;
}

function parseRequirement(part: string, raw: string): Requirement {
  let m = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
  if (m) {
    const values = (m[3] ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter((v, i, a) => v !== '' || a.length > 1);
    return { key: checkKey(m[1] ?? '', raw), op: m[2] === 'in' ? 'in' : 'notin', values: values.map((v) => checkValue(v, raw)) };
  }
  m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
  if (m) {
    return { key: checkKey(m[1] ?? '', raw), op: m[2] === '!=' ? 'neq' : 'eq', values: [checkValue((m[3] ?? '').trim(), raw)] };
  }
  if (part.startsWith('!')) return { key: checkKey(part.slice(1).trim(), raw), op: 'notexists', values: [] };
  return { key: checkKey(part, raw), op: 'exists', values: [] };
}

function evaluate(reqs: Requirement[], get: (key: string) => string | undefined): boolean {
  return reqs.every((r) => {
    const v = get(r.key);
    switch (r.op) {
      case 'eq':
        return v === r.values[0];
      case 'neq':
        return v !== r.values[0];
      case 'in':
        return v !== undefined && r.values.includes(v);
      case 'notin':
        return v === undefined || !r.values.includes(v);
      case 'exists':
        return v !== undefined;
      case 'notexists':
        return v === undefined;
    }
  });
}

const metaOf = (obj: JsonObject): JsonObject => (obj.metadata ?? {}) as JsonObject;

/** Compiles a `labelSelector` query value (empty matches everything). */
export function parseLabelSelector(raw: string | null): Matcher | undefined {
  if (!raw || !raw.trim()) return undefined;
  const reqs = splitTopLevel(raw).map((p) => parseRequirement(p, raw));
  return (obj) => {
    const labels = (metaOf(obj).labels ?? {}) as JsonObject;
    return evaluate(reqs, (k) => (typeof labels[k] === 'string' ? (labels[k] as string) : undefined));
  };
}

const FIELDS: Record<string, (obj: JsonObject) => string> = {
  'metadata.name': (o) => String(metaOf(o).name ?? ''),
  'metadata.namespace': (o) => String(metaOf(o).namespace ?? ''),
};

/** Compiles a `fieldSelector` query value (only equality-based terms on supported fields). */
export function parseFieldSelector(raw: string | null): Matcher | undefined {
  if (!raw || !raw.trim()) return undefined;
  const terms = splitTopLevel(raw).map((part) => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) throw badRequest(`invalid field selector: '${part}'`);
    const field = m[1] ?? '';
    const get = FIELDS[field];
    if (!get) throw badRequest(`field label not supported: ${field}`);
    return { get, neq: m[2] === '!=', value: (m[3] ?? '').trim() };
  });
  return (obj) => terms.every((t) => (t.get(obj) === t.value) !== t.neq);
}

/** Combines matchers with AND (undefined when there is none). */
export function combine(...ms: Array<Matcher | undefined>): Matcher | undefined {
  const list = ms.filter((m): m is Matcher => m !== undefined);
  if (list.length === 0) return undefined;
  return (obj) => list.every((m) => m(obj));
}
