/**
 * Static CEL types derived from a structural schema, the way kube-apiserver declares
 * `self`/`oldSelf` (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/model).
 */
import type { SchemaNode } from '../../types';

/** A CEL type as the local checker sees it. `obj` keeps the schema so field selections can be checked. */
export type CelT =
  | { k: 'dyn' }
  | { k: 'prim'; n: 'bool' | 'int' | 'uint' | 'double' | 'string' | 'bytes' | 'null_type' | 'duration' | 'timestamp' | 'type' }
  | { k: 'list'; e: CelT }
  | { k: 'map'; key: CelT; v: CelT }
  | { k: 'obj'; name: string; fields: Map<string, () => CelT> }
  | { k: 'opaque'; n: 'optional' | 'ip' | 'cidr' | 'url' | 'format'; of?: CelT };

export const DYN: CelT = { k: 'dyn' };
export const BOOL: CelT = { k: 'prim', n: 'bool' };
export const INT: CelT = { k: 'prim', n: 'int' };
export const UINT: CelT = { k: 'prim', n: 'uint' };
export const DOUBLE: CelT = { k: 'prim', n: 'double' };
export const STRING: CelT = { k: 'prim', n: 'string' };
export const BYTES: CelT = { k: 'prim', n: 'bytes' };
export const NULL: CelT = { k: 'prim', n: 'null_type' };
export const DURATION: CelT = { k: 'prim', n: 'duration' };
export const TIMESTAMP: CelT = { k: 'prim', n: 'timestamp' };
export const TYPE: CelT = { k: 'prim', n: 'type' };
export const listOf = (e: CelT): CelT => ({ k: 'list', e });
export const mapOf = (key: CelT, v: CelT): CelT => ({ k: 'map', key, v });
export const opaque = (n: 'optional' | 'ip' | 'cidr' | 'url' | 'format', of?: CelT): CelT => ({ k: 'opaque', n, of });

/** Printable name, as cel-go prints types in its errors. */
export function typeName(t: CelT): string {
  switch (t.k) {
    case 'dyn':
      return 'dyn';
    case 'prim':
      return t.n === 'duration' ? 'google.protobuf.Duration' : t.n === 'timestamp' ? 'google.protobuf.Timestamp' : t.n;
    case 'list':
      return `list(${typeName(t.e)})`;
    case 'map':
      return `map(${typeName(t.key)}, ${typeName(t.v)})`;
    case 'obj':
      return t.name;
    case 'opaque':
      return t.n === 'optional' ? `optional_type(${typeName(t.of ?? DYN)})` : `net.${t.n.toUpperCase()}`;
  }
}

/** CEL keywords kube escapes as `__kw__` when they are property names (model/escaping.go). */
const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);
const ESCAPABLE = /^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/;

/**
 * The CEL name of a property (`namespace` → `__namespace__`, `a.b` → `a__dot__b`);
 * undefined when kube makes the property inaccessible from CEL.
 */
export function escapeProperty(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (!ESCAPABLE.test(name)) return undefined;
  if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) && !name.includes('__')) return name;
  return name.replace(/__|[./-]/g, (m) =>
    m === '__' ? '__underscores__' : m === '.' ? '__dot__' : m === '-' ? '__dash__' : '__slash__',
  );
}

let objCounter = 0;

/** Declared type of a value of `node`; `root` adds the fields kube exposes on a resource root. */
export function schemaType(node: SchemaNode | undefined, root = false): CelT {
  if (!node) return DYN;
  if (node['x-kubernetes-int-or-string']) return DYN;
  switch (node.type) {
    case 'boolean':
      return BOOL;
    case 'integer':
      return INT;
    case 'number':
      return DOUBLE;
    case 'string':
      if (node.format === 'byte') return BYTES;
      return STRING;
    case 'array':
      return listOf(schemaType(node.items));
    case 'object':
      return objectType(node, root);
    default:
      return DYN;
  }
}

function objectType(node: SchemaNode, root: boolean): CelT {
  const embedded = root || node['x-kubernetes-embedded-resource'] === true;
  const props = node.properties ?? {};
  if (Object.keys(props).length === 0 && !embedded) {
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      return mapOf(STRING, schemaType(node.additionalProperties));
    }
    // preserve-unknown-fields without properties, or a free-form object: dynamic.
    return node['x-kubernetes-preserve-unknown-fields'] || node.additionalProperties === true ? DYN : mapOf(STRING, DYN);
  }
  const fields = new Map<string, () => CelT>();
  for (const [name, sub] of Object.entries(props)) {
    const escaped = escapeProperty(name);
    if (escaped === undefined) continue;
    let memo: CelT | undefined;
    // Lazily: large CRD schemas only pay for the parts a rule reaches.
    fields.set(escaped, () => (memo ??= schemaType(sub)));
  }
  if (embedded) {
    // kube exposes only apiVersion, kind and metadata.name/generateName on a resource (model.WithTypeAndObjectMeta).
    fields.set('apiVersion', () => STRING);
    fields.set('kind', () => STRING);
    const meta = new Map<string, () => CelT>([
      ['name', () => STRING],
      ['generateName', () => STRING],
    ]);
    fields.set('metadata', () => ({ k: 'obj', name: 'metadata', fields: meta }));
  }
  return { k: 'obj', name: `object${++objCounter}`, fields };
}
