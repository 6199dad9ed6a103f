import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { httpRouteDef, realGatewayDef } from './__fixtures__/defs';
import { T0, T1, entry, errorOf, fieldsOf, meta, routeConfig, spec } from './__fixtures__/helpers';
import { seedGateway, seedRoute } from './__fixtures__/objects';
import { serverSideApply } from './server-side-apply';

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
