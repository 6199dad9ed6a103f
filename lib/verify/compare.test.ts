import { describe, expect, it } from 'vitest';
import { renderBody } from './body';
import { buildRequestsForRule, HTTPBIN_PATH_SAMPLES } from './build-requests';
import { compare } from './compare';
import { predict } from './predict';
import { world } from './test-support';
import type { VerificationRequest, VerificationResult } from './types';

const GATEWAY_IP = '47.95.0.10'; // the seed ingress Service's LoadBalancer address

function result(status: number, body: unknown, headers: Record<string, string> = {}): VerificationResult {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const ct = typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
  return {
    target: { address: GATEWAY_IP, port: 80 },
    status,
    headers: { 'content-type': ct, ...headers },
    body: renderBody(Buffer.from(text), ct, false),
    timings: { dns: 0, connect: 1, tls: 0, firstByte: 1, total: 2 },
    redirects: [],
  };
}

describe('seed: prediction and comparison', () => {
  const w = world('seed-http.yaml', 'seed-https.yaml');
  const [get] = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/http', 0);
  const [teapot] = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/httpbin-https', 0, {
    wildcardLabel: 'a',
    pathSamples: HTTPBIN_PATH_SAMPLES,
  });

  it("the engine predicts httpbin:8000 through default/http rule 0, and httpbin's /get answers 200", () => {
    const e = predict(w.table, get as VerificationRequest, GATEWAY_IP);
    expect(e).toMatchObject({
      outcome: 'forward',
      gateway: 'istio-system/gateway',
      route: 'default/http',
      ruleIndex: 0,
      backends: ['default/httpbin'],
      upstreamPath: '/get',
    });
    expect(e.backend).toEqual({ service: 'httpbin', namespace: 'default', port: 8000, weight: 1 });
    expect(e.status).toBe(200);
  });

  it("httpbin's echo of /get passes", () => {
    const e = predict(w.table, get as VerificationRequest, GATEWAY_IP);
    const echo = {
      args: {},
      headers: { Host: 'httpbin.aliyun.com', 'User-Agent': 'portico' },
      url: 'http://httpbin.aliyun.com/get',
      method: 'GET',
      path: '/get',
    };
    expect(compare(e, result(200, echo))).toEqual({ pass: true, differences: [], recognized: 'httpbin-echo' });
  });

  it('/status/418 over HTTPS is expected to be the teapot, and the teapot is recognized', () => {
    const e = predict(w.table, teapot as VerificationRequest, GATEWAY_IP);
    expect(e).toMatchObject({ status: 418, route: 'default/httpbin-https', listener: 'https' });
    expect(compare(e, result(418, '-=[ teapot ]=-\n\n       _...._\n'))).toEqual({
      pass: true,
      differences: [],
      recognized: 'httpbin-teapot',
    });
    expect(compare(e, result(200, 'ok')).differences).toEqual([{ field: 'status', expected: '418', actual: '200' }]);
  });

  it('a gateway answering 503 (backend unreachable) fails with the difference', () => {
    const e = predict(w.table, get as VerificationRequest, GATEWAY_IP);
    const c = compare(e, result(503, 'no healthy upstream'));
    expect(c.pass).toBe(false);
    expect(c.differences).toEqual([
      { field: 'status', expected: '200 from default/httpbin', actual: '503 (the gateway could not reach it)' },
    ]);
  });

  it('a 404 where a forward to httpbin is predicted fails with expected vs actual', () => {
    const e = predict(w.table, get as VerificationRequest, GATEWAY_IP);
    const c = compare(e, result(404, 'Not Found\n'));
    expect(c.pass).toBe(false);
    expect(c.differences).toEqual([{ field: 'status', expected: '200', actual: '404' }]);
  });

  it('a path no rule matches is predicted 404 by the engine', () => {
    const e = predict(w.table, { ...(get as VerificationRequest), path: '/headers' }, GATEWAY_IP);
    expect(e).toMatchObject({ outcome: 'direct-response', status: 404 });
    expect(compare(e, result(404, '')).pass).toBe(true);
  });

  it('an error result fails with the error as the actual value', () => {
    const e = predict(w.table, get as VerificationRequest, GATEWAY_IP);
    const r: VerificationResult = { ...result(0, ''), status: undefined, error: 'connection refused', errorCode: 'refused' };
    expect(compare(e, r)).toEqual({
      pass: false,
      recognized: 'none',
      differences: [{ field: 'response', expected: 'status 200', actual: 'connection refused' }],
    });
  });
});

describe("filters: rewrites and header edits checked in httpbin's echo", () => {
  const w = world('matches.yaml');
  const [legacy] = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/matches', 2);
  const req: VerificationRequest = { ...(legacy as VerificationRequest), path: '/legacy/items?x=1', headers: { 'x-debug': '1' } };
  const e = predict(w.table, req, GATEWAY_IP);

  it('predicts the rewritten path and the header edits', () => {
    expect(e).toMatchObject({
      rewrittenPath: '/anything/items?x=1',
      upstreamPath: '/anything/items',
      requestHeadersAdded: { 'x-route': 'fallback' },
      requestHeadersRemoved: ['x-debug'],
    });
  });

  it('passes when the backend saw the rewrite and the edits', () => {
    const echo = {
      headers: { Host: 'api.shop.example', 'X-Route': 'fallback' },
      url: 'http://api.shop.example/anything/items?x=1',
      method: 'GET',
      path: '/anything/items',
    };
    expect(compare(e, result(200, echo)).pass).toBe(true);
  });

  it('a gateway that ignored the filters fails, each difference listed', () => {
    const echo = {
      headers: { Host: 'api.shop.example', 'X-Debug': '1' },
      url: 'http://api.shop.example/legacy/items?x=1',
      path: '/legacy/items',
      instance: 'httpbin-canary',
    };
    const c = compare(e, result(200, echo));
    expect(c.pass).toBe(false);
    expect(c.differences).toEqual([
      { field: 'upstream path', expected: '/anything/items', actual: '/legacy/items' },
      { field: 'request header x-route', expected: 'fallback', actual: '(absent)' },
      { field: 'request header x-debug', expected: '(removed)', actual: '1' },
      { field: 'backend', expected: 'default/httpbin', actual: 'httpbin-canary' },
    ]);
  });

  it('without a path in the echo (httpbin.org), the path comes from url', () => {
    const echo = { headers: { 'X-Route': 'fallback' }, url: 'http://api.shop.example/legacy/items?x=1' };
    expect(compare(e, result(200, echo)).differences).toEqual([
      { field: 'upstream path', expected: '/anything/items', actual: '/legacy/items' },
    ]);
  });
});

describe('status of a forward to a backend whose answers are unknown', () => {
  const w = world('seed-http.yaml');
  const [get] = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/http', 0);
  // The same forward, to a backend that is not httpbin: only success can be expected of it.
  const e = { ...predict(w.table, get as VerificationRequest, GATEWAY_IP), status: undefined, backends: ['default/shop'] };

  it('a 2xx or 3xx answer passes', () => {
    expect(compare(e, result(200, 'ok')).pass).toBe(true);
    expect(compare(e, result(204, '')).pass).toBe(true);
    expect(compare(e, result(302, '', { location: '/login' })).pass).toBe(true);
  });

  it.each([400, 401, 404, 500])('%i fails, naming the expected success and the actual status', (status) => {
    expect(compare(e, result(status, 'no')).differences).toEqual([
      { field: 'status', expected: 'a 2xx or 3xx answer from default/shop', actual: String(status) },
    ]);
  });

  it('502, 503 and 504 say the gateway could not reach the backend', () => {
    for (const status of [502, 503, 504]) {
      expect(compare(e, result(status, '')).differences).toEqual([
        { field: 'status', expected: 'an answer from default/shop', actual: `${status} (the gateway could not reach it)` },
      ]);
    }
  });
});
