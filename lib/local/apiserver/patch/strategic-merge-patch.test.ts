import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { errorOf } from './__fixtures__/helpers';
import { deploymentDef, endpointSliceDef, gatewayDefHandBuilt, serviceDef } from './__fixtures__/defs';
import { applyStrategicMergePatch } from './strategic-merge-patch';

/** The seeded ingress gateway Service of the local cluster. */
const ingress = (): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: 'istio-ingressgateway',
    namespace: 'istio-system',
    labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    finalizers: ['service.kubernetes.io/load-balancer-cleanup'],
  },
  spec: {
    type: 'LoadBalancer',
    selector: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    ports: [
      { name: 'http2', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
    ],
  },
});

const smp = (patch: Json, obj = ingress()): JsonObject => applyStrategicMergePatch(obj, patch, serviceDef);
const spec = (o: JsonObject): JsonObject => o.spec as JsonObject;

describe('applyStrategicMergePatch on a Service', () => {
  it('adds a port by merge key and keeps the others', () => {
    const out = smp({ spec: { ports: [{ name: 'status-port', port: 15021, targetPort: 15021 }] } });
    expect(spec(out).ports).toEqual([
      { name: 'http2', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
      { name: 'status-port', port: 15021, targetPort: 15021 },
    ]);
  });

  it('merges into the port with the same key instead of appending', () => {
    const out = smp({ spec: { ports: [{ port: 443, targetPort: 9443 }] } });
    expect(spec(out).ports).toEqual([
      { name: 'http2', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 9443 },
    ]);
  });

  it('removes one port with $patch: delete', () => {
    const out = smp({ spec: { ports: [{ port: 80, $patch: 'delete' }] } });
    expect(spec(out).ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }]);
  });

  it('replaces the list with a {$patch: replace} element', () => {
    const out = smp({ spec: { ports: [{ $patch: 'replace' }, { name: 'http', port: 8080 }] } });
    expect(spec(out).ports).toEqual([{ name: 'http', port: 8080 }]);
  });

  it('replaces a map with $patch: replace and deletes one with $patch: delete', () => {
    const replaced = smp({ spec: { selector: { $patch: 'replace', app: 'gw' } } });
    expect(spec(replaced).selector).toEqual({ app: 'gw' });
    const deleted = smp({ spec: { selector: { $patch: 'delete' } } });
    expect(spec(deleted).selector).toBeUndefined();
  });

  it('deletes a key given null and merges maps key by key', () => {
    const out = smp({ metadata: { labels: { istio: null, tier: 'edge' } }, spec: { type: 'ClusterIP' } });
    expect((out.metadata as JsonObject).labels).toEqual({ app: 'istio-ingressgateway', tier: 'edge' });
    expect(spec(out).type).toBe('ClusterIP');
  });

  it('merges finalizers as a set and removes entries with $deleteFromPrimitiveList', () => {
    const added = smp({ metadata: { finalizers: ['example.com/keep'] } });
    expect((added.metadata as JsonObject).finalizers).toEqual([
      'service.kubernetes.io/load-balancer-cleanup',
      'example.com/keep',
    ]);
    const removed = smp({ metadata: { '$deleteFromPrimitiveList/finalizers': ['service.kubernetes.io/load-balancer-cleanup'] } });
    expect((removed.metadata as JsonObject).finalizers).toBeUndefined();
  });

  it('orders the merged list with $setElementOrder', () => {
    const out = smp({
      spec: {
        '$setElementOrder/ports': [{ port: 443 }, { port: 15021 }, { port: 80 }],
        ports: [{ port: 15021, name: 'status-port' }],
      },
    });
    expect((spec(out).ports as JsonObject[]).map((p) => p.port)).toEqual([443, 15021, 80]);
  });

  it('keeps server-only items in place when $setElementOrder does not name them', () => {
    const out = smp({ spec: { '$setElementOrder/ports': [{ port: 8000 }], ports: [{ port: 8000, name: 'web' }] } });
    expect((spec(out).ports as JsonObject[]).map((p) => p.port)).toEqual([80, 443, 8000]);
  });

  it('replaces lists the schema gives no merge strategy (like JSON merge patch)', () => {
    const withIps = smp({ spec: { externalIPs: ['10.0.0.1', '10.0.0.2'] } });
    expect(spec(smp({ spec: { externalIPs: ['10.0.0.3'] } }, withIps)).externalIPs).toEqual(['10.0.0.3']);
  });

  it('drops directives and nulls from values that land as they are', () => {
    const bare: JsonObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: {} };
    const out = smp(
      {
        spec: {
          ports: [
            { port: 80, name: null },
            { port: 81, $patch: 'delete' },
          ],
        },
      },
      bare,
    );
    expect(spec(out).ports).toEqual([{ port: 80 }]);
  });

  it('does not mutate the stored object', () => {
    const obj = ingress();
    smp({ spec: { ports: [{ port: 80, $patch: 'delete' }] } }, obj);
    expect(obj).toEqual(ingress());
  });

  it('refuses a list item without the merge key with 400', () => {
    expect(errorOf(() => smp({ spec: { ports: [{ name: 'nokey' }] } }))).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('refuses an unknown $patch value and a non-object patch with 400', () => {
    expect(errorOf(() => smp({ spec: { $patch: 'explode' } }))).toMatchObject({ code: 400 });
    expect(errorOf(() => smp(['x']))).toMatchObject({ code: 400 });
  });
});

describe('applyStrategicMergePatch on other kinds', () => {
  it('replaces EndpointSlice endpoints, which are atomic', () => {
    const slice: JsonObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'httpbin-abc', labels: { 'kubernetes.io/service-name': 'httpbin' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['127.0.0.1'] }, { addresses: ['127.0.0.2'] }],
    };
    const out = applyStrategicMergePatch(slice, { endpoints: [{ addresses: ['127.0.0.9'] }] }, endpointSliceDef);
    expect(out.endpoints).toEqual([{ addresses: ['127.0.0.9'] }]);
  });

  it('merges nested lists by name (containers, then env) and honours $retainKeys', () => {
    const deploy: JsonObject = {
      metadata: { name: 'httpbin' },
      spec: {
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
        template: {
          spec: {
            containers: [
              { name: 'httpbin', image: 'httpbin:1', env: [{ name: 'A', value: '1' }] },
              { name: 'sidecar', image: 'proxy:1' },
            ],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(
      deploy,
      {
        spec: {
          strategy: { $retainKeys: ['type'], type: 'Recreate' },
          template: { spec: { containers: [{ name: 'httpbin', env: [{ name: 'B', value: '2' }] }] } },
        },
      },
      deploymentDef,
    );
    const s = out.spec as JsonObject;
    expect(s.strategy).toEqual({ type: 'Recreate' });
    expect(((s.template as JsonObject).spec as JsonObject).containers).toEqual([
      {
        name: 'httpbin',
        image: 'httpbin:1',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
      { name: 'sidecar', image: 'proxy:1' },
    ]);
  });

  it('refuses a $retainKeys list that omits a patched key with 422', () => {
    const err = errorOf(() =>
      applyStrategicMergePatch(
        { spec: { strategy: { type: 'Recreate' } } },
        { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } },
        deploymentDef,
      ),
    );
    expect(err).toMatchObject({ code: 422, reason: 'Invalid' });
  });

  it('refuses custom resources with 415 UnsupportedMediaType, as real servers do for CRDs', () => {
    const err = errorOf(() =>
      applyStrategicMergePatch({ spec: {} }, { spec: { gatewayClassName: 'istio' } }, gatewayDefHandBuilt),
    );
    expect(err.code).toBe(415);
    expect(err.reason).toBe('UnsupportedMediaType');
    expect(err.message).toContain('application/merge-patch+json');
  });
});
