import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { httpRouteDef } from './__fixtures__/defs';
import { T0, T1, T2, errorOf, fieldsOf, managed, meta, routeConfig, spec } from './__fixtures__/helpers';
import { seedRoute } from './__fixtures__/objects';
import { recordUpdate } from './record-update';
import { serverSideApply } from './server-side-apply';

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

  it('attributes the fields of an object stored without managed fields to before-first-apply', () => {
    const err = errorOf(() =>
      serverSideApply({
        live: seedRoute(),
        applied: routeConfig({ hostnames: ['a.aliyun.com'] }),
        manager: 'kubectl',
        force: false,
        def: httpRouteDef,
        time: T1,
      }),
    );
    expect(err.message).toBe(
      'Apply failed with 1 conflict: conflict with "before-first-apply" using gateway.networking.k8s.io/v1: .spec.hostnames',
    );
  });
});
