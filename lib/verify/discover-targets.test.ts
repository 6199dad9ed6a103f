import { describe, expect, it } from 'vitest';
import type { Gateway } from '@/lib/gateway-api/types';
import { boundServiceKey, discoverTargets, parseLocalPorts, targetPort, type IngressService } from './discover-targets';

const gateway = (over: Partial<Gateway> = {}): Gateway => ({
  metadata: { name: 'gateway', namespace: 'istio-system' },
  spec: {
    gatewayClassName: 'istio',
    addresses: [{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }],
    listeners: [{ name: 'default', port: 80, protocol: 'HTTP' }],
  },
  status: { addresses: [{ type: 'IPAddress', value: '47.95.0.10' }] },
  ...over,
});

const service = (over: Partial<IngressService['spec']> = {}): IngressService => ({
  metadata: { name: 'istio-ingressgateway', namespace: 'istio-system' },
  spec: { type: 'LoadBalancer', clusterIP: '10.0.0.10', externalIPs: ['203.0.113.7'], ports: [{ port: 80 }], ...over },
  status: { loadBalancer: { ingress: [{ ip: '47.95.0.11' }, { hostname: 'lb.example.net' }] } },
});

describe('discoverTargets', () => {
  it('in-cluster order: Gateway status, LoadBalancer ingress, externalIPs, clusterIP; no port-forward', () => {
    const t = discoverTargets(gateway(), service(), { inCluster: true });
    expect(t.map((x) => [x.kind, x.address, x.addressType])).toEqual([
      ['gateway-address', '47.95.0.10', 'IP'],
      ['load-balancer', '47.95.0.11', 'IP'],
      ['load-balancer', 'lb.example.net', 'Hostname'],
      ['external-ip', '203.0.113.7', 'IP'],
      ['cluster-ip', '10.0.0.10', 'IP'],
    ]);
    expect(t[0]?.source).toBe('Gateway status address');
    expect(t[1]?.service).toBe('istio-system/istio-ingressgateway');
  });

  it('outside the cluster: no externalIPs/clusterIP, a port-forward marker last', () => {
    const t = discoverTargets(gateway(), service(), { inCluster: false });
    expect(t.map((x) => x.kind)).toEqual(['gateway-address', 'load-balancer', 'load-balancer', 'port-forward']);
    expect(t.at(-1)).toMatchObject({
      kind: 'port-forward',
      address: '',
      addressType: 'none',
      service: 'istio-system/istio-ingressgateway',
    });
  });

  it('an address seen twice keeps its first source', () => {
    const gw = gateway({ status: { addresses: [{ value: '47.95.0.11' }] } });
    const t = discoverTargets(gw, service(), { inCluster: false });
    expect(t.filter((x) => x.address === '47.95.0.11').map((x) => x.kind)).toEqual(['gateway-address']);
  });

  it('a *.svc name is skipped outside the cluster (nothing there resolves it), kept inside', () => {
    const gw = gateway({
      status: { addresses: [{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }] },
    });
    expect(discoverTargets(gw, undefined, { inCluster: false })).toEqual([]);
    expect(discoverTargets(gw, undefined, { inCluster: true }).map((x) => x.address)).toEqual([
      'istio-ingressgateway.istio-system.svc.cluster.local',
    ]);
  });

  it('a headless Service (clusterIP None) gives no cluster-ip target', () => {
    const t = discoverTargets(
      gateway({ status: {} }),
      { ...service({ clusterIP: 'None', externalIPs: [] }), status: {} },
      { inCluster: true },
    );
    expect(t).toEqual([]);
  });

  it('applies the local port mapping from options, else from the Gateway annotation', () => {
    const local = gateway({ status: { addresses: [{ value: '127.0.0.1' }] } });
    const [a] = discoverTargets(local, undefined, { inCluster: false, localPorts: '80=10080,443=10443' });
    expect(a && [targetPort(a, 80), targetPort(a, 443), targetPort(a, 8080)]).toEqual([10080, 10443, 8080]);
    const annotated = { ...local, metadata: { ...local.metadata, annotations: { 'portico.dev/local-ports': '80=18080' } } };
    const [b] = discoverTargets(annotated, undefined, { inCluster: false });
    expect(b && targetPort(b, 80)).toBe(18080);
  });

  it('parseLocalPorts ignores malformed pairs and out-of-range ports', () => {
    expect(parseLocalPorts('80=10080, 443 = 10443,x=1,70000=1,8080=')).toEqual({ 80: 10080, 443: 10443 });
    expect(parseLocalPorts(undefined)).toEqual({});
  });

  it('boundServiceKey reads the ASM Hostname binding', () => {
    expect(boundServiceKey(gateway())).toBe('istio-system/istio-ingressgateway');
    expect(
      boundServiceKey(gateway({ spec: { gatewayClassName: 'istio', listeners: [], addresses: [{ value: '10.0.0.1' }] } })),
    ).toBeUndefined();
  });
});
