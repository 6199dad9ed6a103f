import { describe, expect, it } from 'vitest';
import { collapseRules } from './collapse';
import { concreteHost, pickRequest } from './pick-request';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

describe('pickRequest (pick a host and path from the graph)', () => {
  const m = modelOf(seedSnapshot());

  it('fills a rule of the seed HTTP route with a request that rule accepts', () => {
    // Route http: hostnames *.aliyun.com, rule 0 PathPrefix /get → httpbin:8000; listener default HTTP/80.
    expect(pickRequest(m, 'rule:HTTPRoute:default/http#0')).toEqual({
      url: 'http://httpbin.aliyun.com/get',
      method: 'GET',
      headers: [],
    });
  });

  it('uses the HTTPS listener scheme and the first match of a rule with several', () => {
    expect(pickRequest(m, 'rule:HTTPRoute:default/httpbin-https#0')?.url).toBe('https://httpbin.aliyun.com/status');
  });

  it('picks for a route (its first rule) and for a listener (a host it serves, path /)', () => {
    expect(pickRequest(m, 'route:HTTPRoute:default/http')?.url).toBe('http://httpbin.aliyun.com/get');
    expect(pickRequest(m, 'listener:istio-system/gateway#default')?.url).toBe('http://www.aliyun.com/');
    // Collapsed view: no rule nodes; the route carries its first rule's sample.
    expect(pickRequest(collapseRules(m), 'route:HTTPRoute:default/http')?.url).toBe('http://httpbin.aliyun.com/get');
  });

  it('offers nothing for nodes a request cannot be aimed at', () => {
    expect(pickRequest(m, 'service:default/httpbin')).toBeUndefined();
    expect(pickRequest(m, 'gateway:istio-system/gateway')).toBeUndefined();
    expect(pickRequest(m, 'nope')).toBeUndefined();
  });

  it('carries a match’s method, exact headers and exact query parameters, not regular expressions', () => {
    const s = modelOf(
      seedSnapshot(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: exact, namespace: default }
spec:
  parentRefs: [{ name: gateway, namespace: istio-system }]
  hostnames: [api.aliyun.com]
  rules:
    - matches:
        - method: POST
          path: { type: Exact, value: /post }
          headers: [{ name: x-env, value: prod }, { name: x-re, type: RegularExpression, value: 'a.*' }]
          queryParams: [{ name: v, value: '2' }]
      backendRefs: [{ name: httpbin, port: 8000 }]
`),
    );
    expect(pickRequest(s, 'rule:HTTPRoute:default/exact#0')).toEqual({
      url: 'http://api.aliyun.com/post?v=2',
      method: 'POST',
      headers: ['x-env: prod'],
    });
  });

  it('turns wildcard hostnames into concrete ones and leaves catch-alls out', () => {
    expect(concreteHost('*.example.com', 'shop')).toBe('shop.example.com');
    expect(concreteHost('a.example.com')).toBe('a.example.com');
    expect(concreteHost('*')).toBeUndefined();
    expect(concreteHost(undefined)).toBeUndefined();
  });
});
