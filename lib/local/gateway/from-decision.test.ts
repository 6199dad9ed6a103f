import { describe, expect, it } from 'vitest';
import type { RoutingDecision } from '@/lib/gateway-api/routing';
import { planFromDecision, type BackendResolver } from './from-decision';

const base: RoutingDecision = {
  outcome: 'direct-response',
  alternatives: [],
  requestHeaders: [],
  responseHeaders: [],
  mirrors: [],
  explanation: [],
};
const resolve: BackendResolver = (t) => ({
  name: `${t.namespace}/${t.service}:${t.port ?? ''}`,
  endpoints: [{ host: '127.0.0.1', port: 9000 }],
  protocol: 'http/1.1',
});

describe('planFromDecision', () => {
  it('forwards with filters, selected mirrors only, timeouts and retry', () => {
    const plan = planFromDecision(
      {
        ...base,
        outcome: 'forward',
        gateway: 'istio-system/gateway',
        listener: 'default',
        route: 'default/http',
        ruleIndex: 0,
        backend: { service: 'httpbin', namespace: 'default', port: 8000, weight: 1 },
        requestHeaders: [{ op: 'set', name: 'x', value: '1' }],
        rewrittenPath: '/anything',
        mirrors: [
          { service: 'm1', namespace: 'default', port: 80, weight: 1, fraction: 0.5, selected: true, valid: true },
          { service: 'm2', namespace: 'default', port: 80, weight: 1, fraction: 0.5, selected: false, valid: true },
        ],
        timeouts: { request: '2s', requestMs: 2000 },
        retry: { codes: [503], attempts: 2 },
      },
      resolve,
    );
    expect(plan).toMatchObject({
      kind: 'forward',
      meta: { gateway: 'istio-system/gateway', listener: 'default', route: 'default/http', rule: '0' },
      target: { name: 'default/httpbin:8000' },
      rewritePath: '/anything',
      timeouts: { requestMs: 2000 },
      retry: { codes: [503], attempts: 2 },
    });
    expect(plan.kind === 'forward' && plan.mirrors.map((m) => m.target.name)).toEqual(['default/m1:80']);
  });

  it('maps redirects, 404/500, and gRPC failures to trailers-only responses', () => {
    expect(
      planFromDecision({ ...base, outcome: 'redirect', status: 301, redirect: { status: 301, location: 'https://a/' } }, resolve),
    ).toMatchObject({ kind: 'redirect', status: 301, location: 'https://a/' });
    expect(planFromDecision({ ...base, status: 404 }, resolve)).toMatchObject({ kind: 'direct', status: 404 });
    expect(planFromDecision({ ...base, status: 500, ruleIndex: 1, ruleName: 'named' }, resolve)).toMatchObject({
      kind: 'direct',
      status: 500,
      meta: { rule: 'named' },
    });
    expect(planFromDecision({ ...base, status: 404, grpcStatus: 12 }, resolve)).toMatchObject({
      kind: 'direct',
      status: 200,
      headers: { 'grpc-status': '12' },
    });
  });
});
