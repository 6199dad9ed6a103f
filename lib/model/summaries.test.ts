import { describe, expect, it } from 'vitest';
import { backendsText, hostnamesText, listenersText, parentsText } from './summaries';

const gateway = {
  kind: 'Gateway',
  metadata: { name: 'gateway-https', namespace: 'istio-system' },
  spec: {
    gatewayClassName: 'istio',
    addresses: [{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }],
    listeners: [
      { name: 'https', hostname: '*.aliyun.com', port: 443, protocol: 'HTTPS' },
      { name: 'plain', port: 80, protocol: 'HTTP' },
    ],
  },
};

const route = {
  kind: 'HTTPRoute',
  metadata: { name: 'http', namespace: 'default' },
  spec: {
    parentRefs: [
      { name: 'gateway', namespace: 'istio-system' },
      { name: 'local', sectionName: 'web' },
    ],
    rules: [
      { backendRefs: [{ name: 'httpbin', port: 8000 }] },
      {
        backendRefs: [
          { name: 'httpbin', port: 8000 },
          { name: 'echo', namespace: 'other', port: 80 },
        ],
      },
    ],
  },
};

describe('summaries', () => {
  it('lists listeners with protocol, port and hostname', () => {
    expect(listenersText(gateway)).toBe('https HTTPS:443 *.aliyun.com, plain HTTP:80');
  });
  it('defaults a parentRef namespace to the route namespace and shows the section', () => {
    expect(parentsText(route)).toBe('istio-system/gateway, default/local:web');
  });
  it('lists distinct backends, naming other namespaces', () => {
    expect(backendsText(route)).toBe('httpbin:8000, other/echo:80');
  });
  it('shows * for a route without hostnames (it matches every listener hostname)', () => {
    expect(hostnamesText(route)).toBe('*');
  });
});
