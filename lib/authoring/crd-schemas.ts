/**
 * JSON Schemas for the editor, generated from the cluster's installed CRDs (their
 * `openAPIV3Schema`), so completion, hover and validation follow the Gateway API version the
 * cluster actually runs, not the one Portico was built with.
 */

/** A JSON Schema (draft-07 subset understood by yaml-language-server). */
export type JsonSchema = { [key: string]: unknown };

/** One served kind/version and its schema. */
export interface KindSchema {
  group: string;
  version: string;
  kind: string;
  apiVersion: string;
  schema: JsonSchema;
}

const copied = [
  'type',
  'description',
  'enum',
  'format',
  'default',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'uniqueItems',
  'required',
  'minProperties',
  'maxProperties',
] as const;

/**
 * The served versions of every CRD in `crds` (a CustomResourceDefinitionList's items), each
 * converted to JSON Schema. Versions without a schema or not served are skipped.
 */
export function schemasFromCrds(crds: readonly unknown[]): KindSchema[] {
  const out: KindSchema[] = [];
  for (const crd of crds) {
    const spec = (crd as { spec?: Record<string, unknown> }).spec;
    const group = typeof spec?.group === 'string' ? spec.group : undefined;
    const kind = (spec?.names as { kind?: unknown } | undefined)?.kind;
    if (!group || typeof kind !== 'string' || !Array.isArray(spec?.versions)) continue;
    for (const v of spec.versions as Array<Record<string, unknown>>) {
      const raw = (v.schema as { openAPIV3Schema?: unknown } | undefined)?.openAPIV3Schema;
      if (v.served === false || typeof v.name !== 'string' || !raw || typeof raw !== 'object') continue;
      const apiVersion = `${group}/${v.name}`;
      const schema = convert(raw as Record<string, unknown>);
      const props = { ...((schema.properties as Record<string, JsonSchema> | undefined) ?? {}) };
      props.apiVersion = {
        type: 'string',
        const: apiVersion,
        description: String((props.apiVersion?.description as string | undefined) ?? 'APIVersion of the object.'),
      };
      props.kind = {
        type: 'string',
        const: kind,
        description: String((props.kind?.description as string | undefined) ?? 'Kind of the object.'),
      };
      props.metadata = objectMeta;
      out.push({
        group,
        version: v.name,
        kind,
        apiVersion,
        schema: {
          ...schema,
          properties: props,
          required: [...new Set(['apiVersion', 'kind', 'metadata', ...((schema.required as string[] | undefined) ?? [])])],
        },
      });
    }
  }
  return out.sort((a, b) => (a.apiVersion + a.kind < b.apiVersion + b.kind ? -1 : 1));
}

/**
 * One schema for a whole multi-document editor: each document is checked against the schema of
 * its own apiVersion+kind (draft-07 `if`/`then`), and documents of other kinds are left alone.
 */
export function manifestSchema(kinds: readonly KindSchema[]): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const allOf = kinds.map((k) => {
    const id = `${k.kind}.${k.apiVersion}`.replace(/[^A-Za-z0-9.]/g, '_');
    definitions[id] = k.schema;
    return {
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${id}` },
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes manifest',
    type: 'object',
    properties: {
      apiVersion: {
        type: 'string',
        description: 'API group and version, e.g. gateway.networking.k8s.io/v1.',
        examples: [...new Set(kinds.map((k) => k.apiVersion))],
      },
      kind: {
        type: 'string',
        description: 'The kind of object.',
        enum: [...new Set(kinds.map((k) => k.kind))].concat(['Service', 'Secret', 'Namespace', 'ConfigMap']),
      },
    },
    required: ['apiVersion', 'kind'],
    allOf,
    definitions,
  };
}

const objectMeta: JsonSchema = {
  type: 'object',
  description: 'Standard object metadata: name, namespace, labels and annotations.',
  properties: {
    name: {
      type: 'string',
      maxLength: 253,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
      description: 'Name, unique per kind within the namespace (lower case DNS subdomain).',
    },
    namespace: {
      type: 'string',
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
      description: 'Namespace of the object; defaults to default.',
    },
    labels: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Labels, used by selectors (e.g. allowedRoutes).',
    },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

/**
 * openAPIV3Schema → JSON Schema: `nullable` becomes a `null` type, int-or-string an `anyOf`,
 * CEL rules become part of the description (the API server enforces them; the editor explains
 * them), and objects with declared properties reject unknown fields, as the API server's strict
 * field validation does.
 */
export function convert(s: Record<string, unknown>): JsonSchema {
  const out: JsonSchema = {};
  for (const k of copied) if (s[k] !== undefined) out[k] = s[k];
  if (typeof out.pattern === 'string' && !validPattern(out.pattern)) delete out.pattern;
  if (s.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (s['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  const rules = s['x-kubernetes-validations'];
  if (Array.isArray(rules) && rules.length > 0) {
    const msgs = rules.map(
      (r: { message?: unknown; rule?: unknown }) => `- ${typeof r.message === 'string' ? r.message : String(r.rule)}`,
    );
    out.description = `${typeof out.description === 'string' ? `${out.description}\n\n` : ''}Rules:\n${msgs.join('\n')}`;
  }
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = s[k];
    // Structural schemas only use these for value constraints; keep the ones that carry meaning.
    if (Array.isArray(list) && !out[k]) out[k] = list.map((x) => convert(x as Record<string, unknown>));
  }
  if (s.items && typeof s.items === 'object') out.items = convert(s.items as Record<string, unknown>);
  const props = s.properties as Record<string, Record<string, unknown>> | undefined;
  if (props) out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, convert(v)]));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    out.additionalProperties = convert(s.additionalProperties as Record<string, unknown>);
  else if (props && s['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  return out;
}

function validPattern(p: string): boolean {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}
