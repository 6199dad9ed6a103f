import 'server-only';
import type { ClusterCache } from './cache/cluster-cache';

const heartbeatMs = 15_000;

/**
 * The cache's change batches as a Server-Sent Events stream: one `batch` event per coalesced burst,
 * a comment heartbeat so proxies keep the connection, cleanup when the browser goes away.
 */
export function watchStream(cache: ClusterCache, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`event: ready\ndata: ${JSON.stringify({ context: cache.context, served: cache.served })}\n\n`);
      const unsubscribe = cache.subscribe((events) => send(`event: batch\ndata: ${JSON.stringify(events)}\n\n`));
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), heartbeatMs);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
}
