/** The incremental engine gives the same status as a full recompute. */
import { describe, expect, it } from 'vitest';
import { computeStatus } from './compute-status';
import { Engine } from './engine';
import { canonicalJson } from './status-objects';
import { baseSnapshot, gateway, httpListener, httpRoute, service, TEST_CONTROLLER } from './test-builders';
import type { Snapshot } from './types';

const opts = { controllerNames: [TEST_CONTROLLER], provisionedAddresses: { 'infra/gw': '10.0.0.9', 'infra/gw2': '10.0.0.8' } };

function cluster(): Snapshot {
  const s = baseSnapshot();
  s.gateways.push(
    gateway('infra', 'gw', [httpListener('a', 80, '*.example.com'), httpListener('b', 8080)]),
    gateway('infra', 'gw2', [httpListener('c', 80)]),
  );
  s.services.push(service('apps', 'backend', [8080]));
  for (let i = 0; i < 5; i++)
    s.httpRoutes.push(
      httpRoute('apps', `r${i}`, { parentRefs: [{ name: 'gw', namespace: 'infra' }], hostnames: [`h${i}.example.com`] }),
    );
  return s;
}

const full = (e: Engine) => canonicalJson(computeStatus(e.snapshot(), { ...opts, now: 'T' }));

describe('Engine', () => {
  it('matches a full recompute after route upserts and deletes', () => {
    const e = new Engine({ ...opts, now: () => 'T' }, cluster());
    expect(canonicalJson(e.status())).toBe(full(e));
    const moved = {
      ...httpRoute('apps', 'r1', { parentRefs: [{ name: 'gw2', namespace: 'infra' }] }),
      kind: 'HTTPRoute' as const,
    };
    const change = e.upsert(moved);
    expect(change.full).toBe(false);
    expect(change.gateways).toEqual(['infra/gw', 'infra/gw2']);
    expect(change.routes).toEqual([{ kind: 'HTTPRoute', key: 'apps/r1' }]);
    expect(canonicalJson(e.status())).toBe(full(e));
    expect(e.status().gateways['infra/gw2']?.listeners?.[0]?.attachedRoutes).toBe(1);
    e.remove('HTTPRoute', 'apps', 'r2');
    expect(canonicalJson(e.status())).toBe(full(e));
    expect(e.status().httpRoutes['apps/r2']).toBeUndefined();
  });

  it('an unchanged route reports no change', () => {
    const e = new Engine({ ...opts, now: () => 'T' }, cluster());
    e.status();
    const same = { ...cluster().httpRoutes[0], kind: 'HTTPRoute' as const } as Parameters<Engine['upsert']>[0];
    expect(e.upsert(same)).toEqual({ gateways: [], routes: [], full: false });
  });

  it('other kinds recompute in full', () => {
    const e = new Engine({ ...opts, now: () => 'T' }, cluster());
    e.status();
    const change = e.remove('Service', 'apps', 'backend');
    expect(change.full).toBe(true);
    expect(change.routes.length).toBe(5);
    expect(canonicalJson(e.status())).toBe(full(e));
  });
});
