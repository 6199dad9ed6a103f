import { guardRoute } from '@/lib/auth/guard';
import { getClusterCache } from '@/lib/k8s/cache/registry';
import { watchStream } from '@/lib/k8s/watch-stream';

export const dynamic = 'force-dynamic';

/** Live changes of every watched kind, as Server-Sent Events. */
export const GET = guardRoute(async (request: Request) => {
  const context = new URL(request.url).searchParams.get('context') ?? undefined;
  const cache = await getClusterCache(context);
  return new Response(watchStream(cache, request.signal), {
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' },
  });
});
