/**
 * Which optional fields the cluster's installed CRDs have, read from the editor schema
 * ({@link manifestSchema}), so a form offers a field (e.g. HTTPRoute `timeouts`, in the standard
 * channel from Gateway API v1.2) only where the API server would accept it.
 */
import type { JsonSchema } from './crd-schemas';

/**
 * Whether the schema of `apiVersion` `kind` has the field at `path` (object keys; arrays are
 * walked through their items). Undefined when the schema does not cover that kind at all.
 */
export function schemaHasField(schema: unknown, apiVersion: string, kind: string, path: readonly string[]): boolean | undefined {
  const defs = (schema as { definitions?: Record<string, JsonSchema> } | undefined)?.definitions;
  const id = `${kind}.${apiVersion}`.replace(/[^A-Za-z0-9.]/g, '_');
  let node = defs?.[id];
  if (!node) return undefined;
  for (const key of path) {
    while (node.items && typeof node.items === 'object') node = node.items as JsonSchema;
    const next: JsonSchema | undefined = (node.properties as Record<string, JsonSchema> | undefined)?.[key];
    if (!next) return false;
    node = next;
  }
  return true;
}
