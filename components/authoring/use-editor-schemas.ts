'use client';

import { useQuery } from '@tanstack/react-query';
import { k8sKeys } from '@/lib/queries/keys';

/** The /api/schemas answer (see lib/k8s/apply-schemas). */
export interface EditorSchemasAnswer {
  context: string;
  schema: object;
  kinds: Array<{ apiVersion: string; kind: string }>;
  error?: string;
}

/** The editor's JSON Schema for a context, from its installed CRDs. */
export function useEditorSchemas(context: string) {
  return useQuery({
    queryKey: k8sKeys.derived({ context, view: 'editor-schemas' }),
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<EditorSchemasAnswer> => {
      const res = await fetch(`/api/schemas?${new URLSearchParams({ context })}`, { signal, cache: 'no-store' });
      if (!res.ok) throw new Error(`Loading the editor schemas failed with HTTP ${res.status}; the editor checks syntax only.`);
      return (await res.json()) as EditorSchemasAnswer;
    },
  });
}
