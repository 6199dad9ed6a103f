/**
 * Access log entries of the local gateway, one JSON object per request, so the console can
 * tail and filter them like Envoy's JSON access log.
 */
import type { Writable } from 'node:stream';

/** One completed (or aborted) request. */
export interface AccessLogEntry {
  /** ISO-8601 time the request arrived. */
  time: string;
  gateway?: string;
  listener?: string;
  route?: string;
  rule?: string;
  /** Upstream target name (`namespace/service:port`) and endpoint used. */
  backend?: string;
  endpoint?: string;
  /** Status sent downstream (0 when the client went away first). */
  status: number;
  /** Milliseconds from request arrival to response end. */
  durationMs: number;
  method: string;
  host: string;
  path: string;
  /** `HTTP/1.1`, `HTTP/2` …, as the client spoke. */
  protocol: string;
  /** Milliseconds to the upstream response head (the `x-envoy-upstream-service-time` value). */
  upstreamServiceTimeMs?: number;
  /** Upstream attempts made (1 + retries). */
  attempts?: number;
  /** Short reason when the gateway answered an error itself. */
  error?: string;
}

/** Receives access log entries. */
export type AccessLogSink = (entry: AccessLogEntry) => void;

/**
 * A sink writing JSON lines to a stream (file, stdout, a pipe the console reads). Entries are
 * serialised and written together once per event-loop turn, off the request path: one write
 * per burst instead of a JSON.stringify and a write per request.
 */
export function jsonLinesSink(out: Writable): AccessLogSink {
  let pending: AccessLogEntry[] = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
    let text = '';
    for (const e of batch) text += `${JSON.stringify(e)}\n`;
    if (out.writable) out.write(text);
  };
  return (entry) => {
    if (pending.push(entry) === 1) setImmediate(flush);
  };
}
