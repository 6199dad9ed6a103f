import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { httpRouteDef, realGatewayDef, serviceDef } from './__fixtures__/defs';
import { seedGateway, seedRoute } from './__fixtures__/objects';
import { applyJsonMergePatch } from './json-merge-patch';
import { recordUpdate } from './record-update';
import { serverSideApply } from './server-side-apply';

const T0 = '2026-03-01T10:00:00Z';
const T1 = '2026-03-01T11:00:00Z';
const meta = (o: JsonObject): JsonObject => o.metadata as JsonObject;
const managed = (o: JsonObject): JsonObject[] => (meta(o).managedFields ?? []) as JsonObject[];
const fieldsOf = (o: JsonObject, manager: string): Json | undefined => managed(o).find((e) => e.manager === manager)?.fieldsV1;

describe('recordUpdate', () => {
  it('gives the creator every field, marking maps and list items it created', () => {
    const svc: JsonObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'httpbin', namespace: 'default', labels: { app: 'httpbin' } },
      spec: { ports: [{ name: 'http', port: 8000, protocol: 'TCP', targetPort: 80 }], selector: { app: 'httpbin' } },
      status: { loadBalancer: {} },
    };
    const out = recordUpdate({
      old: undefined,
      updated: svc,
      manager: 'kubectl-create',
      operation: 'Update',
      def: serviceDef,
      time: T0,
    });
    expect(managed(out)).toEqual([
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'v1',
        time: T0,
        fieldsType: 'FieldsV1',
        // status belongs to the status subresource and is not owned through the main resource.
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            '.': {},
            'f:ports': {
              '.': {},
              'k:{"port":8000,"protocol":"TCP"}': { '.': {}, 'f:name': {}, 'f:port': {}, 'f:protocol': {}, 'f:targetPort': {} },
            },
            'f:selector': {},
          },
        },
      },
    ]);
    const { managedFields: _mf, ...rest } = meta(out);
    expect({ ...out, metadata: rest }).toEqual(svc);
  });

  it('moves a changed field from the applier to the editor, so the next apply conflicts', () => {
    const def = realGatewayDef();
    const applied = serverSideApply({ live: undefined, applied: seedGateway(), manager: 'kubectl', force: false, def, time: T0 });
    const edited = applyJsonMergePatch(applied, { spec: { gatewayClassName: 'asm' } });
    const out = recordUpdate({ old: applied, updated: edited, manager: 'kubectl-edit', operation: 'Update', def, time: T1 });
    expect(fieldsOf(out, 'kubectl-edit')).toEqual({ 'f:spec': { 'f:gatewayClassName': {} } });
    expect(((fieldsOf(out, 'kubectl') as JsonObject)['f:spec'] as JsonObject)['f:gatewayClassName']).toBeUndefined();
    expect(() => serverSideApply({ live: out, applied: seedGateway(), manager: 'kubectl', force: false, def, time: T1 })).toThrow(
      'Apply failed with 1 conflict: conflict with "kubectl-edit" using gateway.networking.k8s.io/v1: .spec.gatewayClassName',
    );
  });

  it('records status writes under the status subresource only', () => {
    const route = recordUpdate({
      old: undefined,
      updated: seedRoute(),
      manager: 'kubectl',
      operation: 'Update',
      def: httpRouteDef,
      time: T0,
    });
    const withStatus = { ...route, status: { parents: [{ controllerName: 'istio.io/gateway-controller' }] } };
    const out = recordUpdate({
      old: route,
      updated: withStatus,
      manager: 'portico-controller',
      operation: 'Update',
      subresource: 'status',
      def: httpRouteDef,
      time: T1,
    });
    const e = managed(out).find((m) => m.manager === 'portico-controller');
    expect(e).toEqual({
      manager: 'portico-controller',
      operation: 'Update',
      apiVersion: 'gateway.networking.k8s.io/v1',
      time: T1,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': { '.': {}, 'f:parents': {} } },
      subresource: 'status',
    });
    expect(fieldsOf(out, 'kubectl')).toEqual(fieldsOf(route, 'kubectl'));
  });

  it('takes removed fields away from every manager and drops entries left empty', () => {
    const route = serverSideApply({
      live: undefined,
      applied: { ...seedRoute(), spec: { hostnames: ['a'] } },
      manager: 'kubectl',
      force: false,
      def: httpRouteDef,
      time: T0,
    });
    const out = recordUpdate({
      old: route,
      updated: { ...route, spec: {} },
      manager: 'kubectl-edit',
      operation: 'Update',
      def: httpRouteDef,
      time: T1,
    });
    expect(managed(out)).toEqual([]);
    expect(meta(out).managedFields).toBeUndefined();
  });

  it('leaves ownership and time alone when nothing changed', () => {
    const route = recordUpdate({
      old: undefined,
      updated: seedRoute(),
      manager: 'kubectl',
      operation: 'Update',
      def: httpRouteDef,
      time: T0,
    });
    const out = recordUpdate({
      old: route,
      updated: route,
      manager: 'kubectl-label',
      operation: 'Update',
      def: httpRouteDef,
      time: T1,
    });
    expect(managed(out)).toEqual(managed(route));
  });

  it('keeps the stored managedFields when the request omits them, and resets them on [{}]', () => {
    const route = recordUpdate({
      old: undefined,
      updated: seedRoute(),
      manager: 'kubectl',
      operation: 'Update',
      def: httpRouteDef,
      time: T0,
    });
    const body = { ...seedRoute(), metadata: { ...meta(seedRoute()), labels: { a: 'b' } } };
    const kept = recordUpdate({
      old: route,
      updated: body,
      manager: 'kubectl-replace',
      operation: 'Update',
      def: httpRouteDef,
      time: T1,
    });
    expect(managed(kept).map((e) => e.manager)).toEqual(['kubectl', 'kubectl-replace']);
    const reset = recordUpdate({
      old: route,
      updated: { ...body, metadata: { ...meta(body), managedFields: [{}] } },
      manager: 'kubectl-replace',
      operation: 'Update',
      def: httpRouteDef,
      time: T1,
    });
    expect(managed(reset).map((e) => e.manager)).toEqual(['kubectl-replace']);
  });

  it('folds the oldest of more than ten updaters into ancient-changes', () => {
    let route = recordUpdate({
      old: undefined,
      updated: seedRoute(),
      manager: 'creator',
      operation: 'Update',
      def: httpRouteDef,
      time: T0,
    });
    for (let i = 0; i < 12; i++) {
      const labels = { ...(meta(route).labels as JsonObject), [`l${i}`]: 'x' };
      const updated = { ...route, metadata: { ...meta(route), labels } };
      const time = `2026-03-02T00:00:${String(i).padStart(2, '0')}Z`;
      route = recordUpdate({ old: route, updated, manager: `editor-${i}`, operation: 'Update', def: httpRouteDef, time });
    }
    const names = managed(route).map((e) => e.manager);
    expect(names).toHaveLength(10);
    expect(names).toContain('ancient-changes');
    expect(names).not.toContain('creator');
    expect(names).toContain('editor-11');
    // Nothing is lost: the bucket owns what the folded managers owned.
    const bucket = managed(route).find((e) => e.manager === 'ancient-changes')?.fieldsV1 as JsonObject;
    expect(bucket['f:spec']).toBeDefined();
    expect(((bucket['f:metadata'] as JsonObject)['f:labels'] as JsonObject)['f:l0']).toEqual({});
  });
});
