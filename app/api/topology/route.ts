import { guardRoute } from '@/lib/auth/guard';
import { describeError } from '@/lib/k8s/errors';
import { scopeOptions } from '@/lib/topology/scope';
import { getTopology, getTopologyView } from './engine-view';

export const dynamic = 'force-dynamic';

/**
 * The topology model of `?context=` (default: current), computed by the engine from the live cache.
 * `?focus=<node id>` answers only that node's paths (what a detail page embeds), `&collapse=1` with rules folded.
 * `?view=1` answers the topology page: the whole model when small, otherwise the view of the page's
 * filters (`ns`, `gw`, `host`, `q`, `collapse`, `focus`) computed here and capped (lib/topology/scope.ts).
 */
export const GET = guardRoute(async (request: Request) => {
  const p = new URL(request.url).searchParams;
  const context = p.get('context') ?? undefined;
  const focus = p.get('focus') ?? undefined;
  try {
    if (p.get('view') === '1') return Response.json(await getTopologyView(context, scopeOptions(p)));
    return Response.json(await getTopology(context, focus ? { focus, collapse: p.get('collapse') === '1' } : undefined));
  } catch (err) {
    return Response.json(
      { message: `Reading the topology failed: ${describeError(err)}. Check the cluster connection, then retry.` },
      { status: 502 },
    );
  }
});
