/**
 * The HTTPRoute form's model and its mapping onto the YAML draft (Gateway API `HTTPRoute` spec).
 * Matches, backends and filters are edited by position; filter types the form does not know
 * (ExtensionRef, CORS…) are shown by type and kept untouched, like every unknown field.
 */
import type { Document } from 'yaml';
import {
  readBackends,
  readFilters,
  readHeaders,
  readHostnames,
  readParents,
  times,
  writeBackends,
  writeFilters,
  writeHeaders,
  writeHostnames,
  writeParents,
  type BackendForm,
  type FilterForm,
  type HeaderForm,
  type ParentForm,
} from './route-parts';
import { listLength, pruneEmpty, readString, resizeList, writeScalar } from './yaml-edit';

export type { BackendForm, FilterForm, HeaderForm, ParentForm } from './route-parts';

/** One match of a rule (spec: HTTPRouteMatch; conditions are ANDed). */
export interface MatchForm {
  pathType: string;
  pathValue: string;
  method: string;
  headers: HeaderForm[];
  queryParams: HeaderForm[];
}

/** One rule; `timeoutRequest`/`timeoutBackendRequest` are `timeouts.request`/`.backendRequest` (Duration). */
export interface RuleForm {
  matches: MatchForm[];
  filters: FilterForm[];
  backendRefs: BackendForm[];
  timeoutRequest: string;
  timeoutBackendRequest: string;
}

/** The HTTPRoute form's model. */
export interface HTTPRouteForm {
  name: string;
  namespace: string;
  parentRefs: ParentForm[];
  hostnames: string[];
  rules: RuleForm[];
}

/** Filter types whose fields the HTTPRoute form edits (spec: HTTPRouteFilter core and extended types). */
export const knownFilterTypes = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestRedirect',
  'URLRewrite',
  'RequestMirror',
] as const;

/** A new match: every path (`PathPrefix /`), the spec's default. */
export function newMatch(): MatchForm {
  return { pathType: 'PathPrefix', pathValue: '/', method: '', headers: [], queryParams: [] };
}

/** Reads the form model from the draft. */
export function readHTTPRouteForm(doc: Document): HTTPRouteForm {
  const s = (p: Array<string | number>) => readString(doc, p);
  return {
    name: s(['metadata', 'name']),
    namespace: s(['metadata', 'namespace']),
    parentRefs: readParents(doc),
    hostnames: readHostnames(doc),
    rules: times(listLength(doc, ['spec', 'rules']), (r) => {
      const p = ['spec', 'rules', r];
      return {
        matches: times(listLength(doc, [...p, 'matches']), (m) => {
          const q = [...p, 'matches', m];
          return {
            pathType: s([...q, 'path', 'type']),
            pathValue: s([...q, 'path', 'value']),
            method: s([...q, 'method']),
            headers: readHeaders(doc, [...q, 'headers']),
            queryParams: readHeaders(doc, [...q, 'queryParams']),
          };
        }),
        filters: readFilters(doc, [...p, 'filters']),
        backendRefs: readBackends(doc, [...p, 'backendRefs']),
        timeoutRequest: s([...p, 'timeouts', 'request']),
        timeoutBackendRequest: s([...p, 'timeouts', 'backendRequest']),
      };
    }),
  };
}

/** Writes the form model into the draft, touching only the fields the form owns. */
export function writeHTTPRouteForm(doc: Document, f: HTTPRouteForm): void {
  writeScalar(doc, ['metadata', 'name'], f.name);
  writeScalar(doc, ['metadata', 'namespace'], f.namespace);
  writeParents(doc, f.parentRefs);
  writeHostnames(doc, f.hostnames);
  resizeList(doc, ['spec', 'rules'], f.rules.length);
  f.rules.forEach((rule, r) => writeRule(doc, ['spec', 'rules', r], rule));
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
    writeHeaders(doc, [...q, 'queryParams'], m.queryParams);
  });
  writeFilters(doc, [...p, 'filters'], rule.filters);
  writeBackends(doc, [...p, 'backendRefs'], rule.backendRefs);
  writeScalar(doc, [...p, 'timeouts', 'request'], rule.timeoutRequest);
  writeScalar(doc, [...p, 'timeouts', 'backendRequest'], rule.timeoutBackendRequest);
  pruneEmpty(doc, [...p, 'timeouts']);
}
