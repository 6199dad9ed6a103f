import { describeError } from '@/lib/k8s/errors';
import { getTopology } from './engine-view';

export const dynamic = 'force-dynamic';

/** The topology model of `?context=` (default: current), computed by the engine from the live cache. */
export async function GET(request: Request) {
  const context = new URL(request.url).searchParams.get('context') ?? undefined;
  try {
    return Response.json(await getTopology(context));
  } catch (err) {
    return Response.json(
      { message: `Reading the topology failed: ${describeError(err)}. Check the cluster connection, then retry.` },
      { status: 502 },
    );
  }
}
