/**
 * The runtime planner remembers plans only where the engine's decision cannot differ between two
 * requests with the same request line: never across header matches, CORS, weighted backends or
 * mirror percentages, and never across a change of routes or endpoints (a new routing state).
 */
import { describe, expect, it } from 'vitest';
import { tableFrom } from '@/lib/gateway-api/routing/__fixtures__/load';
import type { BackendTarget, RouteTable } from '@/lib/gateway-api/routing';
import type { BackendResolver } from '../from-decision';
import type { ForwardPlan, Plan, RequestInfo } from '../plan';
import { headerBlind } from './plan-cache';
import { createRuntimePlanner, type RoutingState } from './planner';

function info(path: string, headers: RequestInfo['headers'] = {}, method = 'GET'): RequestInfo {
  return {
    scheme: 'http',
    host: 'example.com',
    port: 80,
    address: '127.0.10.1',
    method,
    path,
    headers,
    remoteAddress: '127.0.0.1',
    httpVersion: '1.1',
  };
}

/** A resolver giving every backend one endpoint whose port tells resolver versions apart. */
function resolver(port: number): BackendResolver {
  return (t: BackendTarget) => ({
    name: `${t.namespace}/${t.service}:${t.port ?? ''}`,
    endpoints: [{ host: '127.0.0.1', port }],
    protocol: 'http/1.1',
  });
}

function planner(table: RouteTable, port = 9000) {
  let state: RoutingState = { table, resolve: resolver(port) };
  const plan = createRuntimePlanner(() => state);
  return {
    plan: (i: RequestInfo) => plan(i) as Plan,
    swap: (next: RoutingState) => {
      state = next;
    },
  };
}

const service = (p: Plan): string | undefined => (p.kind === 'forward' ? p.target.name : undefined);

describe('runtime planner plan cache', () => {
  it('reuses the plan of a header-blind decision, identical to a fresh one', () => {
    const table = tableFrom('infra.yaml', 'backends.yaml');
    expect(headerBlind(table)).toBe(true);
    const p = planner(table);
    const first = p.plan(info('/cross-ns-granted'));
    const again = p.plan(info('/cross-ns-granted', { 'x-anything': '1' }));
    expect(again).toBe(first);
    expect(first).toEqual(planner(table).plan(info('/cross-ns-granted')));
    // Other request lines are decided on their own: 404 without a matching rule.
    expect(p.plan(info('/no-such-rule'))).toMatchObject({ kind: 'direct', status: 404 });
  });

  it('keeps drawing weighted backends per request (HTTPBackendRef weight), never freezing one draw', () => {
    const p = planner(tableFrom('infra.yaml', 'backends.yaml'));
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 200; i++) seen.add(service(p.plan(info('/weighted'))));
    expect(seen).toEqual(new Set(['infra/infra-backend-v1:8080', 'infra/infra-backend-v2:8080']));
  });

  it('decides every request afresh when routes match on headers (HTTPHeaderMatch)', () => {
    const table = tableFrom('infra.yaml', 'header-matching.yaml');
    expect(headerBlind(table)).toBe(false);
    const p = planner(table);
    expect(service(p.plan(info('/', { version: 'one' })))).toBe('infra/infra-backend-v1:8080');
    expect(service(p.plan(info('/', { version: 'two' })))).toBe('infra/infra-backend-v2:8080');
    expect(p.plan(info('/', {}))).toMatchObject({ kind: 'direct', status: 404 });
  });

  it('decides every request afresh when a route has a CORS filter (it reads Origin)', () => {
    expect(headerBlind(tableFrom('infra.yaml', 'filters.yaml'))).toBe(false);
  });

  it('starts over when the routing state changes (routes, Services or endpoints)', () => {
    const table = tableFrom('infra.yaml', 'backends.yaml');
    const p = planner(table, 9000);
    const before = p.plan(info('/cross-ns-granted')) as ForwardPlan;
    expect(before.target.endpoints).toEqual([{ host: '127.0.0.1', port: 9000 }]);
    p.swap({ table, resolve: resolver(9001) });
    const after = p.plan(info('/cross-ns-granted')) as ForwardPlan;
    expect(after.target.endpoints).toEqual([{ host: '127.0.0.1', port: 9001 }]);
    p.swap({ table: tableFrom('infra.yaml'), resolve: resolver(9001) });
    expect(p.plan(info('/cross-ns-granted'))).toMatchObject({ kind: 'direct', status: 404 });
  });
});
