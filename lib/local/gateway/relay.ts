/**
 * The response half of a proxied exchange: the upstream's head relayed with hop-by-hop headers
 * removed and the gateway's own added, then the body streamed with back-pressure.
 */
import { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { AnyResponse } from './binding';
import { applyHeaderOps, stripHopByHop } from './headers';
import type { ForwardPlan } from './plan';
import { downstreamResponseHeaders } from './raw-headers';
import { SERVER_NAME } from './respond';
import type { UpstreamResponse } from './upstream';

/** What the relay needs of the exchange: the request timer, cleared once the body has arrived. */
export interface RelayState {
  requestTimer: NodeJS.Timeout | undefined;
}

/** Streams an upstream response downstream with the gateway's headers added. */
export function relay(res: AnyResponse, up: UpstreamResponse, plan: ForwardPlan, serviceMs: number, ex: RelayState): void {
  if (up.rawHeaders && plan.responseHeaders.length === 0 && res instanceof ServerResponse) {
    // HTTP/1.1 both ways, no response header filter: the head is relayed from the raw list.
    res.writeHead(up.status, downstreamResponseHeaders(up.rawHeaders, serviceMs, SERVER_NAME));
  } else {
    const headers = stripHopByHop(up.headers);
    headers['x-envoy-upstream-service-time'] = String(serviceMs);
    headers.server = SERVER_NAME;
    applyHeaderOps(headers, plan.responseHeaders);
    res.writeHead(up.status, headers);
  }
  if ('addTrailers' in res && 'stream' in res) up.onTrailers((t) => res.addTrailers(stripHopByHop(t)));
  relayBody(up.body, res, ex);
}

/**
 * `body.pipe(res)` with fewer moving parts (this runs for every proxied response): chunks are
 * written as they come, reading pauses while the client's socket is full and resumes on
 * `drain`; the response ends with the body, and is destroyed when the body fails or closes early.
 * The client going away is handled by the exchange's `close` listener, which aborts the upstream.
 */
function relayBody(body: Readable, res: AnyResponse, ex: RelayState): void {
  const sink = res as NodeJS.WritableStream;
  body.on('data', (chunk: Buffer) => {
    if (!sink.write(chunk)) {
      body.pause();
      res.once('drain', () => body.resume());
    }
  });
  body.once('end', () => {
    clearTimeout(ex.requestTimer);
    res.end();
  });
  body.on('error', () => res.destroy());
  body.once('close', () => {
    if (!body.readableEnded) res.destroy();
  });
}
