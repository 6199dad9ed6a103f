/**
 * Compares what came back with what the engine predicted. httpbin echoes the request as
 * the backend saw it, so rewrites, header edits and the answering instance are checked
 * there; other backends are judged by status and response headers. Pure.
 */
import { isTeapot, parseHttpbinEcho, type HttpbinEcho } from './httpbin-echo';
import type { Expectation } from './predict';
import type { VerificationResult } from './types';

/** One mismatch between the prediction and the response. */
export interface Difference {
  field: string;
  expected: string;
  actual: string;
}

/** Verdict of {@link compare}. */
export interface Comparison {
  pass: boolean;
  differences: Difference[];
  /** What the response was recognized as (how deep the check could go). */
  recognized: 'httpbin-echo' | 'httpbin-teapot' | 'other' | 'none';
}

/** Statuses a gateway answers itself when the backend is unreachable (Envoy: 502/503/504). */
const UPSTREAM_FAILURE = new Set([502, 503, 504]);

function header(h: VerificationResult['headers'], name: string): string | undefined {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

const stripPort = (h: string): string => h.replace(/:\d+$/, '').toLowerCase();

function echoDifferences(e: Expectation, echo: HttpbinEcho, out: Difference[]): void {
  if (echo.path !== undefined && echo.path !== e.upstreamPath)
    out.push({ field: 'upstream path', expected: e.upstreamPath, actual: echo.path });
  if (echo.method !== undefined && e.method !== 'HEAD' && echo.method.toUpperCase() !== e.method.toUpperCase()) {
    out.push({ field: 'upstream method', expected: e.method, actual: echo.method });
  }
  for (const [name, value] of Object.entries(e.requestHeadersAdded)) {
    const actual = echo.headers[name];
    if (actual !== value) out.push({ field: `request header ${name}`, expected: value, actual: actual ?? '(absent)' });
  }
  for (const name of e.requestHeadersRemoved) {
    const actual = echo.headers[name];
    if (actual !== undefined) out.push({ field: `request header ${name}`, expected: '(removed)', actual });
  }
  if (e.rewrittenHost !== undefined && echo.host !== undefined && stripPort(echo.host) !== e.rewrittenHost.toLowerCase()) {
    out.push({ field: 'upstream host', expected: e.rewrittenHost, actual: echo.host });
  }
  if (echo.instance !== undefined && e.backends.length > 0) {
    // A named instance answers: it must be one of the backends the rule may pick.
    const ok = e.backends.some((b) => b === echo.instance || b.split('/')[1] === echo.instance);
    if (!ok) out.push({ field: 'backend', expected: e.backends.join(' or '), actual: echo.instance });
  }
}

/**
 * The status check. An exact prediction must be met. A forward whose backend's answers are unknown
 * must succeed (2xx or 3xx): the request was built to exercise the rule, so a 404 (typically the
 * gateway finding no route) or any other error status is a failure, never a silent pass.
 */
function statusDifference(e: Expectation, status: number): Difference | undefined {
  if (e.status === status) return undefined;
  const from = e.backends.join(' or ') || 'the backend';
  if (e.outcome === 'forward' && UPSTREAM_FAILURE.has(status)) {
    const expected = e.status !== undefined ? `${e.status} from ${from}` : `an answer from ${from}`;
    return { field: 'status', expected, actual: `${status} (the gateway could not reach it)` };
  }
  if (e.status !== undefined) return { field: 'status', expected: String(e.status), actual: String(status) };
  if (e.outcome === 'forward' && (status < 200 || status >= 400))
    return { field: 'status', expected: `a 2xx or 3xx answer from ${from}`, actual: String(status) };
  return undefined;
}

/** Compares a prediction with a response; `pass` when nothing differs. */
export function compare(e: Expectation, r: VerificationResult): Comparison {
  const out: Difference[] = [];
  if (r.error || r.status === undefined) {
    out.push({
      field: 'response',
      expected: e.status !== undefined ? `status ${e.status}` : 'a response from the backend',
      actual: r.error ?? 'no response',
    });
    return { pass: false, differences: out, recognized: 'none' };
  }
  const status = statusDifference(e, r.status);
  if (status) out.push(status);
  if (e.grpcStatus !== undefined) {
    const actual = header(r.headers, 'grpc-status');
    if (actual !== String(e.grpcStatus))
      out.push({ field: 'grpc-status', expected: String(e.grpcStatus), actual: actual ?? '(absent)' });
  }
  if (e.redirectLocation !== undefined) {
    const loc = header(r.headers, 'location');
    if (loc !== e.redirectLocation) out.push({ field: 'location', expected: e.redirectLocation, actual: loc ?? '(absent)' });
  }
  for (const [name, value] of Object.entries(e.responseHeadersAdded)) {
    const actual = header(r.headers, name);
    if (actual !== value) out.push({ field: `response header ${name}`, expected: value, actual: actual ?? '(absent)' });
  }
  for (const name of e.responseHeadersRemoved) {
    const actual = header(r.headers, name);
    if (actual !== undefined) out.push({ field: `response header ${name}`, expected: '(removed)', actual });
  }
  let recognized: Comparison['recognized'] = 'other';
  const echo = e.outcome === 'forward' ? parseHttpbinEcho(r.body) : undefined;
  if (echo) {
    recognized = 'httpbin-echo';
    echoDifferences(e, echo, out);
  } else if (isTeapot(r.status, r.body)) {
    recognized = 'httpbin-teapot';
  }
  return { pass: out.length === 0, differences: out, recognized };
}
