import { guardRoute } from '@/lib/auth/guard';
import { isKindName, listObjects } from '@/lib/k8s/objects';

export const dynamic = 'force-dynamic';

/** The live objects of one kind, all namespaces or `?namespace=`. */
export const GET = guardRoute(async (request: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const { kind } = await params;
  if (!isKindName(kind)) return Response.json({ message: `Portico does not list objects of kind ${kind}` }, { status: 404 });
  const url = new URL(request.url);
  const list = await listObjects(kind, {
    ...(url.searchParams.get('context') ? { context: url.searchParams.get('context')! } : {}),
    ...(url.searchParams.get('namespace') ? { namespace: url.searchParams.get('namespace')! } : {}),
  });
  return Response.json(list);
});
