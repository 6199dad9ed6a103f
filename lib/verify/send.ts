/**
 * `sendVerification`: one request through a gateway, to an IP (never re-resolved), with
 * Host and SNI carrying the name like `curl --resolve`. Bounded in time, body size and
 * redirects; every failure comes back as a result with `error`, never as a throw.
 */
import 'server-only';
import { isIP } from 'node:net';
import { renderBody } from './body';
import type { Marks } from './connect';
import type { Exchange } from './exchange';
import { guardRequest, type GuardResult } from './guard';
import { exchangeHttp1 } from './send-http1';
import { exchangeHttp2 } from './send-http2';
import type { SendErrorCode, SendTarget, Timings, VerificationRequest, VerificationResult } from './types';

/** Options of {@link sendVerification}. */
export interface SendOptions {
  /** Whole exchange (all redirects included); default 10 000 ms. */
  timeoutMs?: number;
  /** Body bytes kept; beyond this the body is cut and flagged. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Follow 3xx Location (same target address, at most {@link MAX_REDIRECTS}); default false. */
  followRedirects?: boolean;
  /** Use HTTP/2 (ALPN h2 for https, prior knowledge for http); default `req.http2`. */
  http2?: boolean;
  /** Lookup time of the target (from resolveOnce), reported as the dns phase. */
  dnsMs?: number;
  /** Cancels the send (verify-all's cancel button). */
  signal?: AbortSignal;
  /** Checked before every connection, redirects included (see guardTarget). */
  guard?: (address: string, port: number) => GuardResult;
  /** Port to connect to when a redirect names another listener port; default identity. */
  mapPort?: (listenerPort: number) => number;
}

/** Most redirects followed, as browsers' lower bound and curl's `--max-redirs` spirit. */
export const MAX_REDIRECTS = 5;
const MIB = 1024 * 1024;

const ms = (a: bigint | undefined, b: bigint | undefined): number =>
  a !== undefined && b !== undefined && b >= a ? Math.round(Number(b - a) / 1e4) / 100 : 0;

function timingsOf(m: Marks | undefined, dnsMs: number, now: bigint): Timings {
  if (!m) return { dns: dnsMs, connect: 0, tls: 0, firstByte: 0, total: dnsMs };
  const ready = m.secured ?? m.connected;
  return {
    dns: dnsMs,
    connect: ms(m.start, m.connected),
    tls: ms(m.connected, m.secured),
    firstByte: ms(ready, m.firstByte),
    total: Math.round((dnsMs + Number((m.end ?? now) - m.start) / 1e6) * 100) / 100,
  };
}

/** Maps a Node error to a short code and a sentence a user understands. */
export function describeError(err: unknown, timeoutMs: number): { code: SendErrorCode; text: string } {
  const e = err as { code?: string; message?: string; name?: string };
  const msg = e?.message ?? String(err);
  if (e?.code === 'ETIMEDOUT' || e?.name === 'TimeoutError')
    return { code: 'timeout', text: `no complete response within ${timeoutMs} ms` };
  if (e?.name === 'AbortError' || e?.code === 'ABORT_ERR') return { code: 'aborted', text: 'cancelled' };
  if (e?.code === 'ECONNREFUSED') return { code: 'refused', text: `connection refused: nothing listens there (${msg})` };
  if (e?.code === 'ECONNRESET' || e?.code === 'EPIPE' || /socket hang up/.test(msg))
    return { code: 'reset', text: `connection reset by the peer (${msg})` };
  if (e?.code === 'EPROTO' || /^ERR_(SSL|TLS)/.test(e?.code ?? '') || /SSL|TLS|handshake/i.test(msg))
    return { code: 'tls', text: `TLS handshake failed: ${msg}` };
  return { code: 'other', text: msg };
}

function nextHop(req: VerificationRequest, location: string): VerificationRequest | undefined {
  let u: URL;
  try {
    u = new URL(location, `${req.scheme}://${req.host}:${req.port}${req.path}`);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const scheme = u.protocol === 'https:' ? 'https' : 'http';
  const port = u.port ? Number(u.port) : scheme === 'https' ? 443 : 80;
  return {
    ...req,
    scheme,
    host: u.hostname,
    port,
    path: `${u.pathname}${u.search}`,
    sni: scheme === 'https' ? u.hostname : undefined,
  };
}

function fail(
  target: SendTarget,
  code: SendErrorCode,
  error: string,
  timings: Timings,
  redirects: VerificationResult['redirects'],
): VerificationResult {
  return { target, headers: {}, timings, redirects, error, errorCode: code };
}

/**
 * Sends `req` to `target` (an IP and port). See {@link SendOptions} for limits; the
 * result carries status line, headers, rendered body, timings and the TLS certificate.
 */
export async function sendVerification(
  req: VerificationRequest,
  target: SendTarget,
  opts: SendOptions = {},
): Promise<VerificationResult> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const dnsMs = opts.dnsMs ?? 0;
  const redirects: VerificationResult['redirects'] = [];
  const zero = timingsOf(undefined, dnsMs, 0n);
  if (isIP(target.address) === 0)
    return fail(target, 'guard', `target ${target.address} is not an IP: resolve it once first`, zero, redirects);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let current = req;
  let to = target;
  for (;;) {
    const verdict = guardRequest(current);
    if (!verdict.ok) return fail(to, 'guard', verdict.reason, zero, redirects);
    const allowed = opts.guard?.(to.address, to.port) ?? { ok: true };
    if (!allowed.ok) return fail(to, 'guard', allowed.reason, zero, redirects);
    const params = { address: to.address, port: to.port, maxBodyBytes: opts.maxBodyBytes ?? MIB, signal };
    let ex: Exchange;
    const start = process.hrtime.bigint();
    try {
      ex = await ((opts.http2 ?? current.http2) ? exchangeHttp2(current, params) : exchangeHttp1(current, params));
    } catch (err) {
      const d = describeError(timeout.aborted ? Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }) : err, timeoutMs);
      return fail(to, d.code, d.text, timingsOf({ start }, dnsMs, process.hrtime.bigint()), redirects);
    }
    const location = typeof ex.headers.location === 'string' ? ex.headers.location : undefined;
    const hop = opts.followRedirects && ex.status >= 300 && ex.status < 400 && location ? nextHop(current, location) : undefined;
    if (hop && redirects.length < MAX_REDIRECTS) {
      redirects.push({ status: ex.status, location: location as string });
      to = { address: to.address, port: hop.port === current.port ? to.port : (opts.mapPort?.(hop.port) ?? hop.port) };
      current = hop;
      continue;
    }
    const ct = ex.headers['content-type'];
    return {
      target: to,
      httpVersion: ex.httpVersion,
      status: ex.status,
      ...(ex.statusText ? { statusText: ex.statusText } : {}),
      headers: ex.headers,
      body: renderBody(ex.body, typeof ct === 'string' ? ct : undefined, ex.truncated, ex.size),
      timings: timingsOf(ex.marks, dnsMs, process.hrtime.bigint()),
      ...(ex.tls ? { tls: ex.tls } : {}),
      redirects,
    };
  }
}
