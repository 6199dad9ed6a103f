/**
 * WebSocket (and other HTTP/1.1 Upgrade) pass-through: after routing, the request head is
 * replayed to the upstream and the two sockets are spliced (Gateway API GEP-1911, `kubernetes.io/ws`).
 */
import { STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { AccessLogEntry, AccessLogSink } from './access-log';
import type { Endpoint, ForwardPlan, Planner, RequestInfo, UpstreamTarget } from './plan';
import { ERROR_BODIES, SERVER_NAME } from './respond';

/** Inputs of {@link tunnelUpgrade}. */
export interface UpgradeContext {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  info: RequestInfo;
  planner: Planner;
  log: AccessLogSink;
  timeoutMs: number;
  pick(target: UpstreamTarget): Endpoint;
  headersFor(plan: ForwardPlan): OutgoingHttpHeaders;
}

function answer(socket: Duplex, status: number, body: string, extra = ''): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}\r\nserver: ${SERVER_NAME}\r\n${extra}content-type: text/plain\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

function serializeHead(method: string, path: string, headers: OutgoingHttpHeaders): string {
  let out = `${method} ${path} HTTP/1.1\r\n`;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out += `${name}: ${String(v)}\r\n`;
  }
  return `${out}\r\n`;
}

/** Routes an Upgrade request and splices it to the chosen upstream endpoint. */
export function tunnelUpgrade(ctx: UpgradeContext): void {
  const t0 = Date.now();
  const entry: AccessLogEntry = {
    time: new Date(t0).toISOString(),
    status: 0,
    durationMs: 0,
    method: ctx.info.method,
    host: ctx.info.host,
    path: ctx.info.path,
    protocol: 'HTTP/1.1 upgrade',
  };
  const finish = (status: number) => {
    entry.status = status;
    entry.durationMs = Date.now() - t0;
    ctx.log(entry);
  };
  ctx.socket.on('error', () => ctx.socket.destroy());
  Promise.resolve(ctx.planner(ctx.info))
    .then((plan) => {
      Object.assign(entry, plan.meta);
      if (plan.kind === 'direct') {
        answer(ctx.socket, plan.status, plan.body ?? '');
        return finish(plan.status);
      }
      if (plan.kind === 'redirect') {
        answer(ctx.socket, plan.status, '', `location: ${plan.location}\r\n`);
        return finish(plan.status);
      }
      entry.backend = plan.target.name;
      if (plan.target.endpoints.length === 0) {
        answer(ctx.socket, 503, ERROR_BODIES.noEndpoints);
        return finish(503);
      }
      const ep = ctx.pick(plan.target);
      entry.endpoint = `${ep.host}:${ep.port}`;
      const upstream = net.connect({ host: ep.host, port: ep.port });
      upstream.setTimeout(ctx.timeoutMs, () => upstream.destroy(new Error('timeout')));
      upstream.once('connect', () => {
        upstream.setTimeout(0);
        upstream.write(serializeHead(ctx.info.method, plan.rewritePath ?? ctx.info.path, ctx.headersFor(plan)));
        if (ctx.head.length > 0) upstream.write(ctx.head);
        upstream.pipe(ctx.socket).pipe(upstream);
      });
      upstream.once('error', (err) => {
        entry.error = err.message;
        if (upstream.bytesRead === 0 && ctx.socket.writable) answer(ctx.socket, 502, ERROR_BODIES.connect);
        else ctx.socket.destroy();
      });
      // The upstream's own status line travels through untouched; 101 is logged for a live tunnel.
      ctx.socket.once('close', () => {
        upstream.destroy();
        finish(upstream.bytesRead > 0 ? 101 : 502);
      });
    })
    .catch((err: unknown) => {
      entry.error = err instanceof Error ? err.message : String(err);
      answer(ctx.socket, 500, ERROR_BODIES.internal);
      finish(500);
    });
}
