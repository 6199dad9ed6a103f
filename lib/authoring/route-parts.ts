/**
 * The parts HTTPRoute and GRPCRoute share (Gateway API `CommonRouteSpec`, `BackendRef`, the header
 * modifier and mirror filters) and their mapping onto the YAML draft. Each writer touches only the
 * fields it owns, so unknown fields inside a parent, backend or filter survive.
 */
import type { Document } from 'yaml';
import { listLength, pruneEmpty, readString, resizeList, writeScalar, writeScalarList, type YamlPath } from './yaml-edit';

/** A header as `name: value`. */
export interface HeaderForm {
  name: string;
  value: string;
}

/** One parent (spec: ParentReference). */
export interface ParentForm {
  name: string;
  namespace: string;
  sectionName: string;
  port: string;
}

/**
 * One filter, flattened: `set`/`add`/`remove` for header modifiers; `scheme`, `hostname`, `port`,
 * `statusCode` and the path modifier for RequestRedirect; `hostname` and the path modifier for
 * URLRewrite; `mirror*` for RequestMirror (spec: HTTPRouteFilter, GRPCRouteFilter).
 */
export interface FilterForm {
  type: string;
  set: HeaderForm[];
  add: HeaderForm[];
  remove: string[];
  scheme: string;
  hostname: string;
  port: string;
  statusCode: string;
  /** `ReplaceFullPath` or `ReplacePrefixMatch` ('' keeps the path). */
  pathType: string;
  pathValue: string;
  mirrorName: string;
  mirrorNamespace: string;
  mirrorPort: string;
}

/** One backend (spec: HTTPBackendRef / GRPCBackendRef), with its own filters. */
export interface BackendForm {
  name: string;
  namespace: string;
  port: string;
  weight: string;
  filters: FilterForm[];
}

/** A path step list (map keys and list indexes). */
export type Path = Array<string | number>;

/** The settings field of each filter type the forms edit (spec: one settings field per type). */
export const filterFields: Record<string, string> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  RequestMirror: 'requestMirror',
};

/** The settings field of a filter type: its lowerCamel name (`ExtensionRef` → `extensionRef`, `CORS` → `cors`). */
export function settingsField(type: string): string {
  return filterFields[type] ?? (/^[A-Z]+$/.test(type) ? type.toLowerCase() : type.charAt(0).toLowerCase() + type.slice(1));
}

/** An empty filter of `type`. */
export function newFilter(type = 'RequestHeaderModifier'): FilterForm {
  return {
    type,
    set: [],
    add: [],
    remove: [],
    scheme: '',
    hostname: '',
    port: '',
    statusCode: '',
    pathType: '',
    pathValue: '',
    mirrorName: '',
    mirrorNamespace: '',
    mirrorPort: '',
  };
}

/** An empty backend. */
export function newBackend(): BackendForm {
  return { name: '', namespace: '', port: '', weight: '', filters: [] };
}

/** `n` items built by `f`. */
export const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** Numbers stay numbers in the YAML (ports, weights, status codes); anything else is kept as typed. */
export const num = (v: string): string | number => (/^\d+$/.test(v) ? Number(v) : v);

/** Reads a `name`/`value` list. */
export function readHeaders(doc: Document, p: YamlPath): HeaderForm[] {
  return times(listLength(doc, p), (i) => ({
    name: readString(doc, [...p, i, 'name']),
    value: readString(doc, [...p, i, 'value']),
  }));
}

/** Writes a `name`/`value` list in place (other fields of each item, e.g. a match `type`, stay). */
export function writeHeaders(doc: Document, p: YamlPath, list: readonly HeaderForm[]): void {
  resizeList(doc, p, list.length);
  list.forEach((h, i) => {
    writeScalar(doc, [...p, i, 'name'], h.name);
    writeScalar(doc, [...p, i, 'value'], h.value);
  });
}

/** Reads `spec.parentRefs`. */
export function readParents(doc: Document): ParentForm[] {
  const s = (p: Path) => readString(doc, p);
  return times(listLength(doc, ['spec', 'parentRefs']), (i) => {
    const p = ['spec', 'parentRefs', i];
    return {
      name: s([...p, 'name']),
      namespace: s([...p, 'namespace']),
      sectionName: s([...p, 'sectionName']),
      port: s([...p, 'port']),
    };
  });
}

/** Writes `spec.parentRefs` (group/kind and newer fields of each parent stay). */
export function writeParents(doc: Document, list: readonly ParentForm[]): void {
  resizeList(doc, ['spec', 'parentRefs'], list.length);
  list.forEach((r, i) => {
    const p = ['spec', 'parentRefs', i];
    writeScalar(doc, [...p, 'name'], r.name);
    writeScalar(doc, [...p, 'namespace'], r.namespace);
    writeScalar(doc, [...p, 'sectionName'], r.sectionName);
    writeScalar(doc, [...p, 'port'], num(r.port));
  });
}

/** Reads `spec.hostnames`. */
export function readHostnames(doc: Document): string[] {
  return times(listLength(doc, ['spec', 'hostnames']), (i) => readString(doc, ['spec', 'hostnames', i]));
}

/** Writes `spec.hostnames` (an empty list removes the field: the route then takes the listener's hosts). */
export function writeHostnames(doc: Document, list: readonly string[]): void {
  writeScalarList(doc, ['spec', 'hostnames'], list);
}

/** Reads one filter at `q`. */
export function readFilter(doc: Document, q: Path): FilterForm {
  const s = (p: Path) => readString(doc, [...q, ...p]);
  const type = s(['type']);
  const mod = type === 'ResponseHeaderModifier' ? 'responseHeaderModifier' : 'requestHeaderModifier';
  const pathOf = type === 'URLRewrite' ? 'urlRewrite' : 'requestRedirect';
  const pathType = s([pathOf, 'path', 'type']);
  return {
    type,
    set: readHeaders(doc, [...q, mod, 'set']),
    add: readHeaders(doc, [...q, mod, 'add']),
    remove: times(listLength(doc, [...q, mod, 'remove']), (i) => s([mod, 'remove', i])),
    scheme: s(['requestRedirect', 'scheme']),
    hostname: s([type === 'URLRewrite' ? 'urlRewrite' : 'requestRedirect', 'hostname']),
    port: s(['requestRedirect', 'port']),
    statusCode: s(['requestRedirect', 'statusCode']),
    pathType,
    pathValue:
      pathType === 'ReplaceFullPath' ? s([pathOf, 'path', 'replaceFullPath']) : s([pathOf, 'path', 'replacePrefixMatch']),
    mirrorName: s(['requestMirror', 'backendRef', 'name']),
    mirrorNamespace: s(['requestMirror', 'backendRef', 'namespace']),
    mirrorPort: s(['requestMirror', 'backendRef', 'port']),
  };
}

/** Reads a filter list. */
export function readFilters(doc: Document, p: Path): FilterForm[] {
  return times(listLength(doc, p), (i) => readFilter(doc, [...p, i]));
}

/** Writes a filter list: known types are edited, other types (ExtensionRef, CORS…) keep their settings. */
export function writeFilters(doc: Document, p: Path, list: readonly FilterForm[]): void {
  resizeList(doc, p, list.length);
  list.forEach((f, i) => writeFilter(doc, [...p, i], f));
}

function writePathModifier(doc: Document, p: Path, f: FilterForm): void {
  const before = readString(doc, [...p, 'type']);
  writeScalar(doc, [...p, 'type'], f.pathType);
  // HTTPPathModifier: the value field must match the type (CEL: replaceFullPath only with ReplaceFullPath).
  if (before !== f.pathType) for (const k of ['replaceFullPath', 'replacePrefixMatch']) doc.deleteIn([...p, k]);
  if (f.pathType === 'ReplaceFullPath') writeScalar(doc, [...p, 'replaceFullPath'], f.pathValue);
  else if (f.pathType === 'ReplacePrefixMatch') writeScalar(doc, [...p, 'replacePrefixMatch'], f.pathValue);
  pruneEmpty(doc, p);
}

function writeFilter(doc: Document, q: Path, f: FilterForm): void {
  const before = readString(doc, [...q, 'type']);
  writeScalar(doc, [...q, 'type'], f.type);
  const field = filterFields[f.type];
  if (!field) return;
  // A filter's type decides which one field holds its settings (spec: HTTPRouteFilter CEL rules:
  // "filter.<field> must be nil if the filter.type is not <Type>"), so the old type's field goes.
  if (before !== f.type) for (const k of [...Object.values(filterFields), settingsField(before)]) doc.deleteIn([...q, k]);
  const r = [...q, field];
  if (f.type === 'RequestRedirect') {
    writeScalar(doc, [...r, 'scheme'], f.scheme);
    writeScalar(doc, [...r, 'hostname'], f.hostname);
    writeScalar(doc, [...r, 'port'], num(f.port));
    writeScalar(doc, [...r, 'statusCode'], num(f.statusCode));
    writePathModifier(doc, [...r, 'path'], f);
  } else if (f.type === 'URLRewrite') {
    writeScalar(doc, [...r, 'hostname'], f.hostname);
    writePathModifier(doc, [...r, 'path'], f);
  } else if (f.type === 'RequestMirror') {
    writeScalar(doc, [...r, 'backendRef', 'name'], f.mirrorName);
    writeScalar(doc, [...r, 'backendRef', 'namespace'], f.mirrorNamespace);
    writeScalar(doc, [...r, 'backendRef', 'port'], num(f.mirrorPort));
  } else {
    writeHeaders(doc, [...r, 'set'], f.set);
    writeHeaders(doc, [...r, 'add'], f.add);
    writeScalarList(doc, [...r, 'remove'], f.remove);
  }
  // The settings field is required for its type even when empty (e.g. a redirect that keeps everything).
  if (doc.getIn(r) === undefined) doc.setIn(r, doc.createNode({}));
}

/** Reads a backendRefs list (with each backend's filters). */
export function readBackends(doc: Document, p: Path): BackendForm[] {
  return times(listLength(doc, p), (b) => {
    const q = [...p, b];
    return {
      name: readString(doc, [...q, 'name']),
      namespace: readString(doc, [...q, 'namespace']),
      port: readString(doc, [...q, 'port']),
      weight: readString(doc, [...q, 'weight']),
      filters: readFilters(doc, [...q, 'filters']),
    };
  });
}

/** Writes a backendRefs list (group/kind and newer fields of each backend stay). */
export function writeBackends(doc: Document, p: Path, list: readonly BackendForm[]): void {
  resizeList(doc, p, list.length);
  list.forEach((b, i) => {
    const q = [...p, i];
    writeScalar(doc, [...q, 'name'], b.name);
    writeScalar(doc, [...q, 'namespace'], b.namespace);
    writeScalar(doc, [...q, 'port'], num(b.port));
    writeScalar(doc, [...q, 'weight'], num(b.weight));
    writeFilters(doc, [...q, 'filters'], b.filters);
  });
}
