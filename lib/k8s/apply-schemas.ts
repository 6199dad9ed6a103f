import 'server-only';
import { manifestSchema, schemasFromCrds, type JsonSchema } from '@/lib/authoring/crd-schemas';
import { getClusterCache } from './cache/registry';
import { describeError } from './errors';
import { k8sRequest } from './request';

/** The editor's schema for a context, and which kinds it covers. */
export interface EditorSchemas {
  context: string;
  schema: JsonSchema;
  kinds: Array<{ apiVersion: string; kind: string }>;
  error?: string;
}

/**
 * Reads the installed CRDs of the connected cluster and builds the editor's multi-document schema
 * from them, so editing follows the cluster's own Gateway API version.
 */
export async function editorSchemas(context?: string): Promise<EditorSchemas> {
  const cache = await getClusterCache(context);
  try {
    const list = await k8sRequest<{ items: unknown[] }>(cache.kubeConfig, {
      path: '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    });
    const kinds = schemasFromCrds(list.items);
    return {
      context: cache.context,
      schema: manifestSchema(kinds),
      kinds: kinds.map((k) => ({ apiVersion: k.apiVersion, kind: k.kind })),
    };
  } catch (err) {
    return {
      context: cache.context,
      schema: manifestSchema([]),
      kinds: [],
      error: `Could not read the installed CRDs (${describeError(err)}); the editor checks YAML syntax only.`,
    };
  }
}
