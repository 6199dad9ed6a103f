import { guardRoute } from '@/lib/auth/guard';
import { editorSchemas } from '@/lib/k8s/apply-schemas';

export const dynamic = 'force-dynamic';

/** GET /api/schemas?context=…: the YAML editor's JSON Schema, generated from the cluster's installed CRDs. */
export const GET = guardRoute(async (request: Request) => {
  const context = new URL(request.url).searchParams.get('context') ?? undefined;
  return Response.json(await editorSchemas(context));
});
