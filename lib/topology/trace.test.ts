import { describe, expect, it } from 'vitest';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import { compileRoutes, explainNoMatch, routeHttp } from '@/lib/gateway-api/routing';
import type { Snapshot } from '@/lib/gateway-api/types';
import { collapseRules } from './collapse';
import { tracePath } from './trace-path';
import { toHttpRequest, traceInputSchema } from './trace-request';
import type { ViewModel } from './types';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

function trace(s: Snapshot, url: string, view: (m: ViewModel) => ViewModel = (m) => m, extra: Record<string, unknown> = {}) {
  const status = computeStatus(s, { controllerNames: ['istio.io/gateway-controller'], now: 'T' });
  const table = compileRoutes(s, status);
  const parsed = toHttpRequest(traceInputSchema.parse({ url, ...extra }));
  if (!parsed.ok) throw new Error(parsed.error);
  const d = routeHttp(table, parsed.request, { random: () => 0 });
  const noMatch = d.route ? undefined : explainNoMatch(table, parsed.request);
  return tracePath(view(modelOf(s)), d, noMatch);
}

describe('toHttpRequest', () => {
  it('takes scheme, host, default port and path from the URL', () => {
    const r = toHttpRequest(traceInputSchema.parse({ url: 'https://a.aliyun.com/status/418?x=1' }));
    expect(r).toEqual({
      ok: true,
      request: {
        scheme: 'https',
        host: 'a.aliyun.com',
        port: 443,
        method: 'GET',
        path: '/status/418?x=1',
        headers: { host: 'a.aliyun.com' },
      },
    });
  });

  it('with a Host header, dials the URL host as the gateway address (curl -HHost:…)', () => {
    const r = toHttpRequest(traceInputSchema.parse({ url: 'http://47.95.0.10:80/get', headers: ['Host: httpbin.aliyun.com'] }));
    expect(r.ok && r.request).toMatchObject({ host: 'httpbin.aliyun.com', address: '47.95.0.10', port: 80 });
  });

  it('names what is wrong with bad input', () => {
    expect(toHttpRequest(traceInputSchema.parse({ url: 'ftp://x/y' }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('ftp'),
    });
    expect(toHttpRequest(traceInputSchema.parse({ url: 'http://x/', headers: ['no colon'] }))).toMatchObject({ ok: false });
    expect(toHttpRequest(traceInputSchema.parse({}))).toMatchObject({ ok: false, error: 'Enter a URL or a host to trace' });
    expect(traceInputSchema.safeParse({ url: 'http://x/', method: 'G E T' }).success).toBe(false);
  });
});

describe('tracePath', () => {
  it('highlights entry → gateway → listener default → route http → rule → httpbin for http://httpbin.aliyun.com/get', () => {
    const t = trace(seedSnapshot(), 'http://httpbin.aliyun.com/get');
    expect(t.hops.map((h) => h.text)).toEqual([
      'Gateway istio-system/gateway',
      'Listener default',
      'HTTPRoute default/http',
      'Rule 0: PathPrefix /get',
      'Service default/httpbin:8000 (100% of requests)',
    ]);
    expect(t.stop).toBeUndefined();
    expect(t.nodes).toContain('entry:47.95.0.10:80');
    expect(t.edges.sort()).toEqual([
      'attachment:listener:istio-system/gateway#default->route:HTTPRoute:default/http',
      'backend:rule:HTTPRoute:default/http#0->service:default/httpbin:8000',
      'contains:gateway:istio-system/gateway->listener:istio-system/gateway#default',
      'entry:entry:47.95.0.10:80->listener:istio-system/gateway#default',
      'rule:route:HTTPRoute:default/http->rule:HTTPRoute:default/http#0',
    ]);
  });

  it('in the collapsed view, highlights the route → backend edge carrying the matched rule', () => {
    const t = trace(seedSnapshot(), 'http://httpbin.aliyun.com/get', collapseRules);
    expect(t.edges).toContain('backend:route:HTTPRoute:default/http->service:default/httpbin:8000');
  });

  it('shows where a request stops and the closest candidates when no rule matches', () => {
    const t = trace(seedSnapshot(), 'http://httpbin.aliyun.com/post');
    expect(t.stop).toMatchObject({ nodeId: 'listener:istio-system/gateway#default', status: 404 });
    expect(t.nearMisses).toContain('route:HTTPRoute:default/http');
    expect(t.hops.at(-1)?.text).toMatch(/^Stops with HTTP 404/);
  });

  it('stops before any listener for a host no listener serves', () => {
    const t = trace(seedSnapshot(), 'http://www.example.org/get');
    expect(t.nodes).toEqual([]);
    expect(t.stop?.status).toBe(404);
  });

  it('lists the weighted alternatives of the matched rule', () => {
    const s = seedSnapshot(`
apiVersion: v1
kind: Service
metadata: { name: canary, namespace: default }
spec: { ports: [{ port: 8000 }] }
`);
    const r = s.httpRoutes.find((x) => x.metadata.name === 'http');
    if (r?.spec.rules?.[0])
      r.spec.rules[0].backendRefs = [
        { name: 'httpbin', port: 8000, weight: 90 },
        { name: 'canary', port: 8000, weight: 10 },
      ];
    const t = trace(s, 'http://httpbin.aliyun.com/get');
    expect(t.hops.at(-1)?.text).toBe('Service default/httpbin:8000 (90% of requests)');
    expect(t.alternatives).toEqual(['service:default/canary']);
  });
});
