import { guardRoute } from '@/lib/auth/guard';
import { getOverview } from '@/lib/k8s/overview';

export const dynamic = 'force-dynamic';

export const GET = guardRoute(async (request: Request) => {
  const context = new URL(request.url).searchParams.get('context') ?? undefined;
  return Response.json(await getOverview(context));
});
