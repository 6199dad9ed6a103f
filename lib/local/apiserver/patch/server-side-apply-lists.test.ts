import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { gatewayDefHandBuilt, realGatewayDef, serviceDef } from './__fixtures__/defs';
import { T0, T1, T2, errorOf, fieldsOf, spec } from './__fixtures__/helpers';
import { seedGateway } from './__fixtures__/objects';
import { serverSideApply } from './server-side-apply';

describe('serverSideApply: Gateway listeners, a map list keyed by name', () => {
  const listenerConfig = (listener: JsonObject): JsonObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gateway', namespace: 'istio-system' },
    spec: { gatewayClassName: 'istio', listeners: [listener] },
  });
  const https = {
    name: 'https',
    hostname: '*.aliyun.com',
    port: 443,
    protocol: 'HTTPS',
    tls: { mode: 'Terminate', certificateRefs: [{ name: 'myexample-credential' }] },
  };

  it.each([
    ['the real v1.1.0 CRD schema', realGatewayDef()],
    ['a hand-built schema', gatewayDefHandBuilt],
  ])('lets two managers each own one listener, both survive (%s)', (_name, def) => {
    const seeded = serverSideApply({ live: undefined, applied: seedGateway(), manager: 'kubectl', force: false, def, time: T0 });
    const both = serverSideApply({
      live: seeded,
      applied: listenerConfig(https),
      manager: 'portico',
      force: false,
      def,
      time: T1,
    });
    const names = (o: JsonObject): Json[] => (spec(o).listeners as JsonObject[]).map((l) => l.name as Json);
    expect(names(both)).toEqual(['default', 'https']);
    // Both set gatewayClassName to the same value: shared, no conflict.
    expect(fieldsOf(both, 'portico')).toMatchObject({
      'f:spec': { 'f:gatewayClassName': {}, 'f:listeners': { 'k:{"name":"https"}': { '.': {} } } },
    });
    expect(Object.keys((fieldsOf(both, 'kubectl') as JsonObject)['f:spec'] as JsonObject)).toEqual([
      'f:addresses',
      'f:gatewayClassName',
      'f:listeners',
    ]);

    // kubectl re-applies its own listener with a new port: no conflict, the https listener stays.
    const cfg = seedGateway();
    ((spec(cfg).listeners as JsonObject[])[0] as JsonObject).port = 8080;
    const moved = serverSideApply({ live: both, applied: cfg, manager: 'kubectl', force: false, def, time: T2 });
    expect((spec(moved).listeners as JsonObject[]).map((l) => [l.name, l.port])).toEqual([
      ['default', 8080],
      ['https', 443],
    ]);

    // portico changing kubectl's listener is a conflict on that listener's field.
    const err = errorOf(() =>
      serverSideApply({
        live: moved,
        applied: listenerConfig({ name: 'default', port: 9090, protocol: 'HTTP' }),
        manager: 'portico',
        force: false,
        def,
        time: T2,
      }),
    );
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl": .spec.listeners[name="default"].port');

    // portico stops applying its listener: only that listener goes.
    const gone = serverSideApply({
      live: moved,
      applied: { ...listenerConfig(https), spec: { gatewayClassName: 'istio' } },
      manager: 'portico',
      force: false,
      def,
      time: T2,
    });
    expect(names(gone)).toEqual(['default']);
  });

  it('records the listener key as the real server does (k:{"name":…})', () => {
    const out = serverSideApply({
      live: undefined,
      applied: seedGateway(),
      manager: 'kubectl',
      force: false,
      def: realGatewayDef(),
      time: T0,
    });
    expect(fieldsOf(out, 'kubectl')).toEqual({
      'f:spec': {
        'f:addresses': {},
        'f:gatewayClassName': {},
        'f:listeners': {
          'k:{"name":"default"}': {
            '.': {},
            'f:allowedRoutes': { 'f:namespaces': { 'f:from': {} } },
            'f:hostname': {},
            'f:name': {},
            'f:port': {},
            'f:protocol': {},
          },
        },
      },
    });
  });

  it('keys Service ports by port and protocol, defaulting protocol to TCP', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'httpbin', namespace: 'default' },
      spec: { ports: [{ name: 'http', port: 8000, targetPort: 80 }], selector: { app: 'httpbin' } },
    };
    const out = serverSideApply({ live: undefined, applied: svc, manager: 'kubectl', force: false, def: serviceDef, time: T0 });
    expect(fieldsOf(out, 'kubectl')).toEqual({
      'f:spec': {
        'f:ports': { 'k:{"port":8000,"protocol":"TCP"}': { '.': {}, 'f:name': {}, 'f:port': {}, 'f:targetPort': {} } },
        'f:selector': {},
      },
    });
  });
});
