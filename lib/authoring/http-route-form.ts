/**
 * The HTTPRoute form's model and its mapping onto the YAML draft (Gateway API `HTTPRoute` spec).
 * Matches, backends and the filters the form knows are edited by position; filters of other types
 * (URLRewrite, RequestMirror, ExtensionRef…) are shown by type and kept untouched.
 */
import type { Document } from 'yaml';
import { listLength, pruneEmpty, readString, resizeList, writeScalar, writeScalarList } from './yaml-edit';

/** A header as `name: value`. */
export interface HeaderForm {
  name: string;
  value: string;
}

/** One match of a rule (spec: HTTPRouteMatch; conditions are ANDed). */
export interface MatchForm {
  pathType: string;
  pathValue: string;
  method: string;
  headers: HeaderForm[];
}

/** One backend (spec: HTTPBackendRef). */
export interface BackendForm {
  name: string;
  namespace: string;
  port: string;
  weight: string;
}

/** One filter; `set`/`add`/`remove` for header modifiers, the redirect fields for RequestRedirect. */
export interface FilterForm {
  type: string;
  set: HeaderForm[];
  add: HeaderForm[];
  remove: string[];
  scheme: string;
  hostname: string;
  statusCode: string;
}

/** One rule. */
export interface RuleForm {
  matches: MatchForm[];
  filters: FilterForm[];
  backendRefs: BackendForm[];
}

/** One parent (spec: ParentReference). */
export interface ParentForm {
  name: string;
  namespace: string;
  sectionName: string;
  port: string;
}

/** The HTTPRoute form's model. */
export interface HTTPRouteForm {
  name: string;
  namespace: string;
  parentRefs: ParentForm[];
  hostnames: string[];
  rules: RuleForm[];
}

/** Filter types whose fields the form edits. */
export const knownFilterTypes = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect'] as const;

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** Reads the form model from the draft. */
export function readHTTPRouteForm(doc: Document): HTTPRouteForm {
  const s = (p: Array<string | number>) => readString(doc, p);
  const len = (p: Array<string | number>) => listLength(doc, p);
  const headers = (p: Array<string | number>): HeaderForm[] =>
    times(len(p), (i) => ({ name: s([...p, i, 'name']), value: s([...p, i, 'value']) }));
  return {
    name: s(['metadata', 'name']),
    namespace: s(['metadata', 'namespace']),
    parentRefs: times(len(['spec', 'parentRefs']), (i) => {
      const p = ['spec', 'parentRefs', i];
      return {
        name: s([...p, 'name']),
        namespace: s([...p, 'namespace']),
        sectionName: s([...p, 'sectionName']),
        port: s([...p, 'port']),
      };
    }),
    hostnames: times(len(['spec', 'hostnames']), (i) => s(['spec', 'hostnames', i])),
    rules: times(len(['spec', 'rules']), (r) => {
      const p = ['spec', 'rules', r];
      return {
        matches: times(len([...p, 'matches']), (m) => {
          const q = [...p, 'matches', m];
          return {
            pathType: s([...q, 'path', 'type']),
            pathValue: s([...q, 'path', 'value']),
            method: s([...q, 'method']),
            headers: headers([...q, 'headers']),
          };
        }),
        filters: times(len([...p, 'filters']), (f) => {
          const q = [...p, 'filters', f];
          const type = s([...q, 'type']);
          const mod = type === 'RequestHeaderModifier' ? 'requestHeaderModifier' : 'responseHeaderModifier';
          return {
            type,
            set: headers([...q, mod, 'set']),
            add: headers([...q, mod, 'add']),
            remove: times(len([...q, mod, 'remove']), (i) => s([...q, mod, 'remove', i])),
            scheme: s([...q, 'requestRedirect', 'scheme']),
            hostname: s([...q, 'requestRedirect', 'hostname']),
            statusCode: s([...q, 'requestRedirect', 'statusCode']),
          };
        }),
        backendRefs: times(len([...p, 'backendRefs']), (b) => {
          const q = [...p, 'backendRefs', b];
          return {
            name: s([...q, 'name']),
            namespace: s([...q, 'namespace']),
            port: s([...q, 'port']),
            weight: s([...q, 'weight']),
          };
        }),
      };
    }),
  };
}

const num = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v);

/** Writes the form model into the draft, touching only the fields the form owns. */
export function writeHTTPRouteForm(doc: Document, f: HTTPRouteForm): void {
  writeScalar(doc, ['metadata', 'name'], f.name);
  writeScalar(doc, ['metadata', 'namespace'], f.namespace);
  resizeList(doc, ['spec', 'parentRefs'], f.parentRefs.length);
  f.parentRefs.forEach((r, i) => {
    const p = ['spec', 'parentRefs', i];
    writeScalar(doc, [...p, 'name'], r.name);
    writeScalar(doc, [...p, 'namespace'], r.namespace);
    writeScalar(doc, [...p, 'sectionName'], r.sectionName);
    writeScalar(doc, [...p, 'port'], num(r.port));
  });
  writeScalarList(
    doc,
    ['spec', 'hostnames'],
    f.hostnames.filter((h) => h !== '' || f.hostnames.length > 0),
  );
  resizeList(doc, ['spec', 'rules'], f.rules.length);
  f.rules.forEach((rule, r) => writeRule(doc, ['spec', 'rules', r], rule));
}

function writeHeaders(doc: Document, p: Array<string | number>, list: HeaderForm[]): void {
  resizeList(doc, p, list.length);
  list.forEach((h, i) => {
    writeScalar(doc, [...p, i, 'name'], h.name);
    writeScalar(doc, [...p, i, 'value'], h.value);
  });
}

function writeRule(doc: Document, p: Array<string | number>, rule: RuleForm): void {
  resizeList(doc, [...p, 'matches'], rule.matches.length);
  rule.matches.forEach((m, i) => {
    const q = [...p, 'matches', i];
    writeScalar(doc, [...q, 'path', 'type'], m.pathType);
    writeScalar(doc, [...q, 'path', 'value'], m.pathValue);
    pruneEmpty(doc, [...q, 'path']);
    writeScalar(doc, [...q, 'method'], m.method);
    writeHeaders(doc, [...q, 'headers'], m.headers);
  });
  resizeList(doc, [...p, 'filters'], rule.filters.length);
  rule.filters.forEach((f, i) => writeFilter(doc, [...p, 'filters', i], f));
  resizeList(doc, [...p, 'backendRefs'], rule.backendRefs.length);
  rule.backendRefs.forEach((b, i) => {
    const q = [...p, 'backendRefs', i];
    writeScalar(doc, [...q, 'name'], b.name);
    writeScalar(doc, [...q, 'namespace'], b.namespace);
    writeScalar(doc, [...q, 'port'], num(b.port));
    writeScalar(doc, [...q, 'weight'], num(b.weight));
  });
}

function writeFilter(doc: Document, q: Array<string | number>, f: FilterForm): void {
  const before = readString(doc, [...q, 'type']);
  writeScalar(doc, [...q, 'type'], f.type);
  if (!(knownFilterTypes as readonly string[]).includes(f.type)) return;
  // A filter's type decides which one field holds its settings (spec: HTTPRouteFilter).
  if (before !== f.type)
    for (const k of ['requestHeaderModifier', 'responseHeaderModifier', 'requestRedirect']) doc.deleteIn([...q, k]);
  if (f.type === 'RequestRedirect') {
    const r = [...q, 'requestRedirect'];
    writeScalar(doc, [...r, 'scheme'], f.scheme);
    writeScalar(doc, [...r, 'hostname'], f.hostname);
    writeScalar(doc, [...r, 'statusCode'], num(f.statusCode));
    if (doc.getIn(r) === undefined) doc.setIn(r, doc.createNode({}));
    return;
  }
  const mod = [...q, f.type === 'RequestHeaderModifier' ? 'requestHeaderModifier' : 'responseHeaderModifier'];
  writeHeaders(doc, [...mod, 'set'], f.set);
  writeHeaders(doc, [...mod, 'add'], f.add);
  writeScalarList(doc, [...mod, 'remove'], f.remove);
  if (doc.getIn(mod) === undefined) doc.setIn(mod, doc.createNode({}));
}
