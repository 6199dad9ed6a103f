/**
 * The Swagger 2.0 form of a schema node, following apiextensions-apiserver's
 * ToStructuralOpenAPIV2: kubectl's OpenAPI v2 parser cannot cope with nullable, the
 * boolean combinators, or arrays without items, so those are removed as the real server does.
 */
import type { SchemaNode } from '../types';

/** Returns the node as published in OpenAPI v2 (children are converted by the caller). */
export function toV2Node(node: SchemaNode): SchemaNode {
  const out: SchemaNode = { ...node };
  delete out.allOf;
  delete out.oneOf;
  delete out.anyOf;
  delete out.not;
  if (out.nullable) {
    // Untyped values break kubectl when items or properties remain.
    delete out.type;
    delete out.items;
    delete out.properties;
  }
  delete out.nullable;
  if (out['x-kubernetes-preserve-unknown-fields']) {
    delete out.items;
    delete out.properties;
  }
  if (out['x-kubernetes-int-or-string'] && out.format !== 'int-or-string') {
    // CRD int-or-string fields are untyped (their anyOf was dropped above).
    delete out.type;
  }
  if (out.type === 'array' && !out.items) delete out.type;
  if (out.required && out.properties) {
    // A nullable property may be absent-as-null, so it cannot stay required.
    const nullable = new Set(
      Object.entries(node.properties ?? {})
        .filter(([, s]) => s.nullable)
        .map(([k]) => k),
    );
    const required = out.required.filter((name) => !nullable.has(name));
    if (required.length > 0) out.required = required;
    else delete out.required;
  }
  return out;
}
