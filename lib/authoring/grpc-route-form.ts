/**
 * The GRPCRoute form's model and its mapping onto the YAML draft (Gateway API `GRPCRoute` spec).
 * Parents, hostnames, backends and filters are the parts HTTPRoute shares; a match selects a gRPC
 * service and/or method (Exact or RegularExpression) and headers.
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

/** One match (spec: GRPCRouteMatch: `method` {type, service, method} and `headers`, ANDed). */
export interface GRPCMatchForm {
  /** `Exact` (the default) or `RegularExpression`. */
  type: string;
  service: string;
  method: string;
  headers: HeaderForm[];
}

/** One rule (spec: GRPCRouteRule). */
export interface GRPCRuleForm {
  matches: GRPCMatchForm[];
  filters: FilterForm[];
  backendRefs: BackendForm[];
}

/** The GRPCRoute form's model. */
export interface GRPCRouteForm {
  name: string;
  namespace: string;
  parentRefs: ParentForm[];
  hostnames: string[];
  rules: GRPCRuleForm[];
}

/** Filter types whose fields the GRPCRoute form edits (spec: GRPCRouteFilter has no redirect or rewrite). */
export const grpcFilterTypes = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror'] as const;

/** A new match for one service's methods. */
export function newGRPCMatch(): GRPCMatchForm {
  return { type: '', service: '', method: '', headers: [] };
}

/** Reads the form model from the draft. */
export function readGRPCRouteForm(doc: Document): GRPCRouteForm {
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
            type: s([...q, 'method', 'type']),
            service: s([...q, 'method', 'service']),
            method: s([...q, 'method', 'method']),
            headers: readHeaders(doc, [...q, 'headers']),
          };
        }),
        filters: readFilters(doc, [...p, 'filters']),
        backendRefs: readBackends(doc, [...p, 'backendRefs']),
      };
    }),
  };
}

/** Writes the form model into the draft, touching only the fields the form owns. */
export function writeGRPCRouteForm(doc: Document, f: GRPCRouteForm): void {
  writeScalar(doc, ['metadata', 'name'], f.name);
  writeScalar(doc, ['metadata', 'namespace'], f.namespace);
  writeParents(doc, f.parentRefs);
  writeHostnames(doc, f.hostnames);
  resizeList(doc, ['spec', 'rules'], f.rules.length);
  f.rules.forEach((rule, r) => {
    const p = ['spec', 'rules', r];
    resizeList(doc, [...p, 'matches'], rule.matches.length);
    rule.matches.forEach((m, i) => {
      const q = [...p, 'matches', i];
      writeScalar(doc, [...q, 'method', 'type'], m.type);
      writeScalar(doc, [...q, 'method', 'service'], m.service);
      writeScalar(doc, [...q, 'method', 'method'], m.method);
      pruneEmpty(doc, [...q, 'method']);
      writeHeaders(doc, [...q, 'headers'], m.headers);
    });
    writeFilters(doc, [...p, 'filters'], rule.filters);
    writeBackends(doc, [...p, 'backendRefs'], rule.backendRefs);
  });
}
