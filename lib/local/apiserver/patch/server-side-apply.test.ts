import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { ApiError } from '../types';
import { gatewayDefHandBuilt, httpRouteDef, realGatewayDef, serviceDef } from './__fixtures__/defs';
import { seedGateway, seedRoute } from './__fixtures__/objects';
import { recordUpdate } from './record-update';
import { serverSideApply } from './server-side-apply';

const T0 = '2026-03-01T10:00:00Z';
const T1 = '2026-03-01T11:00:00Z';
const T2 = '2026-03-01T12:00:00Z';

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const meta = (o: JsonObject): JsonObject => o.metadata as JsonObject;
const spec = (o: JsonObject): JsonObject => o.spec as JsonObject;
const managed = (o: JsonObject): JsonObject[] => (meta(o).managedFields ?? []) as JsonObject[];
const entry = (o: JsonObject, manager: string): JsonObject | undefined => managed(o).find((e) => e.manager === manager);
const fieldsOf = (o: JsonObject, manager: string): Json | undefined => entry(o, manager)?.fieldsV1;

/** A minimal apply body for the seed's HTTPRoute. */
const routeConfig = (specFields: JsonObject): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'http', namespace: 'default' },
  spec: specFields,
});

describe('serverSideApply: create and re-apply', () => {
  it('creates the applied object and records an Apply entry owning what it set', () => {
    const applied = { ...seedRoute(), metadata: { name: 'http', namespace: 'default', labels: { app: 'httpbin' } } };
    const out = serverSideApply({ live: undefined, applied, manager: 'kubectl', force: false, def: httpRouteDef, time: T0 });
    const { managedFields, ...rest } = meta(out);
    expect({ ...out, metadata: rest }).toEqual(applied);
    expect(managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'gateway.networking.k8s.io/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        // name and namespace are stripped from every field set, as the real server does.
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': { 'f:hostnames': {}, 'f:parentRefs': {}, 'f:rules': {} },
        },
      },
    ]);
  });

  it('removes a field the same manager applied before and no longer applies', () => {
    const live = serverSideApply({
      live: undefined,
      applied: seedRoute(),
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T0,
    });
    const { hostnames: _dropped, ...rest } = spec(seedRoute());
    const out = serverSideApply({
      live,
      applied: routeConfig(rest),
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T1,
    });
    expect(spec(out).hostnames).toBeUndefined();
    expect(spec(out).rules).toEqual(spec(seedRoute()).rules);
    expect(fieldsOf(out, 'kubectl')).toEqual({ 'f:spec': { 'f:parentRefs': {}, 'f:rules': {} } });
    expect(entry(out, 'kubectl')?.time).toBe(T1);
  });

  it('removes a nested field without leaving an empty parent behind', () => {
    const live = serverSideApply({
      live: undefined,
      applied: {
        ...routeConfig({ hostnames: ['a.aliyun.com'] }),
        metadata: { name: 'http', annotations: { 'example.com/team': 'a' } },
      },
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T0,
    });
    const out = serverSideApply({
      live,
      applied: routeConfig({ hostnames: ['a.aliyun.com'] }),
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T1,
    });
    expect(meta(out).annotations).toBeUndefined();
  });

  it('keeps the time of a re-apply that changes nothing', () => {
    const live = serverSideApply({
      live: undefined,
      applied: seedRoute(),
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T0,
    });
    const out = serverSideApply({ live, applied: seedRoute(), manager: 'kubectl', force: false, def: httpRouteDef, time: T1 });
    expect(out).toEqual(live);
  });

  it('ignores status in the applied configuration of a kind with a status subresource', () => {
    const applied = { ...seedRoute(), status: { parents: [] } };
    const out = serverSideApply({ live: undefined, applied, manager: 'kubectl', force: false, def: httpRouteDef, time: T0 });
    expect(out.status).toBeUndefined();
    const live = { ...out, status: { parents: [{ controllerName: 'istio.io/gateway-controller' }] } };
    const again = serverSideApply({ live, applied, manager: 'kubectl', force: false, def: httpRouteDef, time: T1 });
    expect(again.status).toEqual(live.status);
  });

  it('refuses managedFields in the applied configuration and duplicate map-list keys with 400', () => {
    const withManaged = { ...seedRoute(), metadata: { name: 'http', managedFields: [] } };
    expect(
      errorOf(() =>
        serverSideApply({ live: undefined, applied: withManaged, manager: 'kubectl', force: false, def: httpRouteDef, time: T0 }),
      ),
    ).toMatchObject({
      code: 400,
      message: 'metadata.managedFields must be nil',
    });
    const gw = seedGateway();
    const listener = (spec(gw).listeners as Json[])[0] as JsonObject;
    spec(gw).listeners = [listener, { ...listener, port: 8080 }];
    const err = errorOf(() =>
      serverSideApply({ live: undefined, applied: gw, manager: 'kubectl', force: false, def: realGatewayDef(), time: T0 }),
    );
    expect(err.code).toBe(400);
    expect(err.message).toContain('.spec.listeners: duplicate entries for key [name="default"]');
  });
});

describe('serverSideApply: conflicts and ownership', () => {
  /** The route as `kubectl apply` (client-side) leaves it: owned by an Update manager. */
  const clientSideApplied = (): JsonObject =>
    recordUpdate({
      old: undefined,
      updated: seedRoute(),
      manager: 'kubectl-client-side-apply',
      operation: 'Update',
      def: httpRouteDef,
      time: T0,
    });

  it('refuses to change a field another manager owns with 409 naming that manager', () => {
    const live = clientSideApplied();
    const err = errorOf(() =>
      serverSideApply({
        live,
        applied: routeConfig({ hostnames: ['a.aliyun.com'] }),
        manager: 'kubectl',
        force: false,
        def: httpRouteDef,
        time: T1,
      }),
    );
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using gateway.networking.k8s.io/v1: .spec.hostnames',
    );
    expect(err.details?.causes).toEqual([
      {
        reason: 'FieldManagerConflict',
        message: 'conflict with "kubectl-client-side-apply" using gateway.networking.k8s.io/v1',
        field: '.spec.hostnames',
      },
    ]);
  });

  it('lists every conflict grouped by manager when there are several', () => {
    const live = clientSideApplied();
    const err = errorOf(() =>
      serverSideApply({
        live,
        applied: routeConfig({ hostnames: ['a'], rules: [] }),
        manager: 'kubectl',
        force: false,
        def: httpRouteDef,
        time: T1,
      }),
    );
    expect(err.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using gateway.networking.k8s.io/v1:\n- .spec.hostnames\n- .spec.rules',
    );
    expect(err.details?.causes?.map((c) => c.field)).toEqual(['.spec.hostnames', '.spec.rules']);
  });

  it('names an Apply manager without a version', () => {
    const live = serverSideApply({
      live: undefined,
      applied: seedRoute(),
      manager: 'portico',
      force: false,
      def: httpRouteDef,
      time: T0,
    });
    const err = errorOf(() =>
      serverSideApply({
        live,
        applied: routeConfig({ hostnames: ['b.aliyun.com'] }),
        manager: 'kubectl',
        force: false,
        def: httpRouteDef,
        time: T1,
      }),
    );
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "portico": .spec.hostnames');
  });

  it('force takes the field over: the value changes and the other manager loses it', () => {
    const live = clientSideApplied();
    const out = serverSideApply({
      live,
      applied: routeConfig({ hostnames: ['a.aliyun.com'] }),
      manager: 'kubectl',
      force: true,
      def: httpRouteDef,
      time: T1,
    });
    expect(spec(out).hostnames).toEqual(['a.aliyun.com']);
    expect(fieldsOf(out, 'kubectl')).toEqual({ 'f:spec': { 'f:hostnames': {} } });
    expect(fieldsOf(out, 'kubectl-client-side-apply')).toEqual({ 'f:spec': { '.': {}, 'f:parentRefs': {}, 'f:rules': {} } });
    // Apply entries sort before Update entries, as the real server encodes them.
    expect(managed(out).map((e) => e.operation)).toEqual(['Apply', 'Update']);
  });

  it('drops a manager entry that force leaves without fields', () => {
    const live = serverSideApply({
      live: undefined,
      applied: routeConfig({ hostnames: ['a'] }),
      manager: 'portico',
      force: false,
      def: httpRouteDef,
      time: T0,
    });
    const out = serverSideApply({
      live,
      applied: routeConfig({ hostnames: ['b'] }),
      manager: 'kubectl',
      force: true,
      def: httpRouteDef,
      time: T1,
    });
    expect(managed(out).map((e) => e.manager)).toEqual(['kubectl']);
  });

  it('shares ownership of a field applied with the same value, and keeps it when one manager lets go', () => {
    const live = clientSideApplied();
    const shared = serverSideApply({
      live,
      applied: routeConfig({ hostnames: spec(seedRoute()).hostnames as Json }),
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T1,
    });
    expect(fieldsOf(shared, 'kubectl')).toEqual({ 'f:spec': { 'f:hostnames': {} } });
    expect(fieldsOf(shared, 'kubectl-client-side-apply')).toMatchObject({ 'f:spec': { 'f:hostnames': {} } });
    // kubectl stops applying hostnames; the other owner still holds them, so they stay.
    const out = serverSideApply({
      live: shared,
      applied: routeConfig({ parentRefs: spec(seedRoute()).parentRefs as Json }),
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T2,
    });
    expect(spec(out).hostnames).toEqual(spec(seedRoute()).hostnames);
    expect(fieldsOf(out, 'kubectl')).toEqual({ 'f:spec': { 'f:parentRefs': {} } });
  });

  it('merges labels per key: two managers own one label each', () => {
    const a = serverSideApply({
      live: undefined,
      applied: { ...routeConfig({}), metadata: { name: 'http', labels: { team: 'a' } } },
      manager: 'a',
      force: false,
      def: httpRouteDef,
      time: T0,
    });
    const b = serverSideApply({
      live: a,
      applied: { ...routeConfig({}), metadata: { name: 'http', labels: { env: 'prod' } } },
      manager: 'b',
      force: false,
      def: httpRouteDef,
      time: T1,
    });
    expect(meta(b).labels).toEqual({ team: 'a', env: 'prod' });
    const aLetsGo = serverSideApply({
      live: b,
      applied: routeConfig({}),
      manager: 'a',
      force: false,
      def: httpRouteDef,
      time: T2,
    });
    expect(meta(aLetsGo).labels).toEqual({ env: 'prod' });
  });
});

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
