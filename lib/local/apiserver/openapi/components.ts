/**
 * Turns schema trees into OpenAPI components. Nodes named with `named()` become shared
 * components referenced with `$ref` (what kubectl explain prints as a type, and what strategic
 * merge patch resolves); everything else is inlined, as Kubernetes does for CRD schemas.
 */
import { componentNameOf } from '../builtin/schema-dsl';
import type { Json, JsonObject, SchemaNode } from '../types';
import { toV2Node } from './v2-structural';

/** `v3` = OpenAPI 3.0 (`#/components/schemas/`), `v2` = Swagger 2.0 (`#/definitions/`). */
export type Flavour = 'v2' | 'v3';

const NESTED = new Set(['properties', 'items', 'additionalProperties', 'allOf', 'oneOf', 'anyOf', 'not']);

/** Collects the components of one document. */
export class ComponentSet {
  readonly schemas: Record<string, JsonObject> = {};

  constructor(readonly flavour: Flavour) {}

  /** The `$ref` target of a component. */
  refTo(name: string): string {
    return this.flavour === 'v3' ? `#/components/schemas/${name}` : `#/definitions/${name}`;
  }

  /** Adds `node` as component `name` (once) with extra top-level keys, and returns the name. */
  define(name: string, node: SchemaNode, extra: JsonObject = {}): string {
    const existing = this.schemas[name];
    if (existing) Object.assign(existing, extra);
    else {
      this.schemas[name] = {}; // placeholder first: a type may refer to itself
      this.schemas[name] = { ...this.body(node), ...extra };
    }
    return name;
  }

  /** Converts a node at a use site: a reference for a named node, the inlined body otherwise. */
  use(node: SchemaNode, asProperty: boolean): JsonObject {
    const name = componentNameOf(node);
    if (!name) return this.body(node);
    this.define(name, node);
    const ref = this.refTo(name);
    if (!asProperty) return { $ref: ref };
    const description: JsonObject = node.description === undefined ? {} : { description: node.description };
    // OpenAPI 3.0 ignores siblings of $ref, so Kubernetes wraps the reference in allOf.
    return this.flavour === 'v3' ? { ...description, allOf: [{ $ref: ref }] } : { ...description, $ref: ref };
  }

  /** The node's own keys with its children converted. */
  private body(node: SchemaNode): JsonObject {
    const source = this.flavour === 'v2' ? toV2Node(node) : node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(source)) {
      if (value === undefined || NESTED.has(key)) continue;
      out[key] = value as Json;
    }
    if (source.properties) {
      const props: JsonObject = {};
      for (const [key, child] of Object.entries(source.properties)) props[key] = this.use(child, true);
      out.properties = props;
    }
    if (source.items) out.items = this.use(source.items, false);
    if (typeof source.additionalProperties === 'boolean') out.additionalProperties = source.additionalProperties;
    else if (source.additionalProperties) out.additionalProperties = this.use(source.additionalProperties, false);
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const list = source[key];
      if (list) out[key] = list.map((child) => this.use(child, false));
    }
    if (source.not) out.not = this.use(source.not, false);
    return out;
  }
}
