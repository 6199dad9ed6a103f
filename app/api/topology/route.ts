import { guardRoute } from '@/lib/auth/guard';
import { describeError } from '@/lib/k8s/errors';
import { getTopology } from './engine-view';

export const dynamic = 'force-dynamic';

/**
 * The topology model of `?context=` (default: current), computed by the engine from the live cache.
 * `?focus=<node id>` answers only that node's paths (what a detail page embeds), `&collapse=1` with rules folded.
 */
export const GET = guardRoute(async (request: Request) => {
  const p = new URL(request.url).searchParams;
  const context = p.get('context') ?? undefined;
  const focus = p.get('focus') ?? undefined;
  try {
    return Response.json(await getTopology(context, focus ? { focus, collapse: p.get('collapse') === '1' } : undefined));
  } catch (err) {
    return Response.json(
      { message: `Reading the topology failed: ${describeError(err)}. Check the cluster connection, then retry.` },
      { status: 502 },
    );
  }
});
