import { describe, expect, it } from 'vitest';
import { addUnattached } from './unattached';
import { modelOf, seedSnapshot } from './__fixtures__/seed';

const extra = `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lonely, namespace: default }
spec:
  hostnames: [lonely.aliyun.com]
  rules: [{ backendRefs: [{ name: httpbin, port: 8000 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: other-class, namespace: default }
spec:
  parentRefs: [{ name: nowhere, namespace: istio-system }]
---
apiVersion: v1
kind: Service
metadata: { name: unused, namespace: default }
spec: { ports: [{ port: 9000 }] }
`;

describe('addUnattached', () => {
  it('adds a route without parentRefs as detached (warning), with the reason', () => {
    const s = seedSnapshot(extra);
    const m = addUnattached(modelOf(s), s);
    expect(m.nodes.find((n) => n.id === 'route:HTTPRoute:default/lonely')).toMatchObject({
      health: 'warning',
      unattached: true,
      reason: expect.stringContaining('no parentRefs'),
    });
  });

  it('adds Services no route sends to as orphans, but not the ingress gateway a Gateway binds to', () => {
    const s = seedSnapshot(extra);
    const m = addUnattached(modelOf(s), s);
    expect(m.nodes.find((n) => n.id === 'service:default/unused')).toMatchObject({ unattached: true, health: 'ok' });
    // spec.addresses binds the seed Gateways to this Service: it is the data plane, not an orphan.
    expect(m.nodes.some((n) => n.id === 'service:istio-system/istio-ingressgateway')).toBe(false);
    // httpbin is a backend: it is in the engine's model once, not re-added.
    expect(m.nodes.filter((n) => n.id === 'service:default/httpbin')).toHaveLength(1);
  });

  it('keeps nodes sorted by id and leaves a complete model untouched', () => {
    const s = seedSnapshot(extra);
    const ids = addUnattached(modelOf(s), s).nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    const plain = seedSnapshot();
    const model = modelOf(plain);
    expect(addUnattached(model, plain)).toBe(model);
  });
});
