import { guardRoute } from '@/lib/auth/guard';
import { getClusterStatus, probeAllContexts } from '@/lib/k8s/cluster-status';
import { getContextsView } from '@/lib/k8s/current-context';

export const dynamic = 'force-dynamic';

/** GET /api/cluster: this browser's context and its reachability; `?contexts=1`: every context, roles and reachability. */
export const GET = guardRoute(async (request: Request) => {
  if (new URL(request.url).searchParams.get('contexts')) {
    const [view, reachability] = await Promise.all([getContextsView(), probeAllContexts()]);
    return Response.json({ view: view ?? null, reachability });
  }
  return Response.json(await getClusterStatus());
});
