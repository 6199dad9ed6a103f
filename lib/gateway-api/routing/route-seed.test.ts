import { describe, expect, it } from 'vitest';
import { tableFrom } from './__fixtures__/load';
import { routeHttp } from './route-http';
import type { HttpRequestInput } from './types';

// The seed's two scenarios: HTTP on *.aliyun.com:80 and HTTPS (Terminate) on *.aliyun.com:443,
// both Gateways bound to the pre-deployed ingress gateway Service through spec.addresses.
const table = tableFrom('seed.yaml');

describe('seed scenarios', () => {
  const get: HttpRequestInput = {
    scheme: 'http',
    host: 'httpbin.aliyun.com',
    port: 80,
    method: 'HEAD',
    path: '/get',
    headers: {},
    address: '47.95.10.10',
  };
  it('curl -I -HHost:httpbin.aliyun.com http://<ip>:80/get reaches httpbin:8000', () => {
    const d = routeHttp(table, get);
    expect(d.outcome).toBe('forward');
    expect(d.gateway).toBe('istio-system/gateway');
    expect(d.route).toBe('default/http');
    expect(d.backend).toEqual({ service: 'httpbin', namespace: 'default', port: 8000, weight: 1 });
  });
  it.each(['10.96.0.80', 'istio-ingressgateway.istio-system.svc.cluster.local', 'istio-system/gateway'])(
    'the Gateway is reachable as %s',
    (address) => {
      expect(routeHttp(table, { ...get, address }).route).toBe('default/http');
    },
  );
  it('a host outside *.aliyun.com finds no listener: 404', () => {
    expect(routeHttp(table, { ...get, host: 'httpbin.example.com' }).status).toBe(404);
  });
  it('a path outside /get: 404', () => {
    expect(routeHttp(table, { ...get, path: '/headers' }).status).toBe(404);
  });
  it('curl -k -H Host:a.aliyun.com https://a.aliyun.com/status/418 reaches httpbin through the HTTPS Gateway', () => {
    const d = routeHttp(table, {
      scheme: 'https',
      host: 'a.aliyun.com',
      sni: 'a.aliyun.com',
      port: 443,
      method: 'GET',
      path: '/status/418',
      headers: {},
      address: '47.95.10.10',
    });
    expect(d.gateway).toBe('istio-system/gateway-https');
    expect(d.listener).toBe('https');
    expect(d.route).toBe('default/httpbin-https');
    expect(d.matchIndex).toBe(0);
    expect(d.backend?.service).toBe('httpbin');
  });
  it('/delay matches the second match of the HTTPS rule', () => {
    const d = routeHttp(table, {
      scheme: 'https',
      host: 'a.aliyun.com',
      port: 443,
      method: 'GET',
      path: '/delay/1',
      headers: {},
      address: '47.95.10.10',
    });
    expect(d.matchIndex).toBe(1);
  });
  it('plain HTTP on 443 is not served by the HTTPS listener', () => {
    expect(routeHttp(table, { ...get, port: 443, path: '/status/418' }).status).toBe(404);
  });
});
