import { describe, expect, it } from 'vitest';
import { tableFrom } from './__fixtures__/load';
import { routeGrpc } from './route-grpc';
import type { GrpcRequestInput } from './types';

const table = tableFrom('infra.yaml', 'grpc.yaml');
const ECHO = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';

function call(service: string, method: string, headers: Record<string, string> = {}): GrpcRequestInput {
  return { scheme: 'http', host: 'grpc.example.com', port: 80, service, method, headers, address: '127.0.10.1' };
}

// Spec: GRPCRouteRule.matches — precedence by characters in service, then method, then headers.
describe('GRPCRoute matching', () => {
  it.each([
    { name: 'exact service and method', c: call(ECHO, 'Echo'), backend: 'grpc-infra-backend-v1', rule: 0 },
    { name: 'second exact method', c: call(ECHO, 'EchoTwo'), backend: 'grpc-infra-backend-v2', rule: 1 },
    { name: 'service-only match takes any other method', c: call(ECHO, 'EchoThree'), backend: 'grpc-infra-backend-v2', rule: 2 },
    {
      name: 'regular expression on service and method',
      c: call('grpc.health.v1.Health', 'Watch'),
      backend: 'grpc-infra-backend-v1',
      rule: 3,
    },
    {
      name: 'method-only match with a header wins over without',
      c: call('any.Service', 'Reflect', { Version: 'two' }),
      backend: 'grpc-infra-backend-v2',
      rule: 4,
    },
    {
      name: 'method-only match without the header',
      c: call('any.Service', 'Reflect'),
      backend: 'grpc-infra-backend-v1',
      rule: 5,
    },
  ])('$name', ({ c, backend, rule }) => {
    const d = routeGrpc(table, c);
    expect(d.outcome).toBe('forward');
    expect(d.routeKind).toBe('GRPCRoute');
    expect(d.backend?.service).toBe(backend);
    expect(d.ruleIndex).toBe(rule);
  });

  it('applies rule filters', () => {
    expect(routeGrpc(table, call(ECHO, 'Other')).requestHeaders).toEqual([{ op: 'set', name: 'x-any-method', value: '1' }]);
  });

  it('no match: 404 / UNIMPLEMENTED, with the near misses explained', () => {
    const d = routeGrpc(table, call('grpc.health.v1.Health', 'List'));
    expect(d.status).toBe(404);
    expect(d.grpcStatus).toBe(12);
    expect(d.explanation.some((s) => /method List does not match RegularExpression/.test(s.reason))).toBe(true);
  });

  it('all backends invalid: UNAVAILABLE', () => {
    const d = routeGrpc(table, call('broken.Service', 'Any'));
    expect(d.outcome).toBe('direct-response');
    expect(d.grpcStatus).toBe(14);
  });

  it('HTTPRoutes and GRPCRoutes are never merged', () => {
    const mixed = tableFrom('infra.yaml', 'grpc.yaml', 'precedence.yaml');
    expect(routeGrpc(mixed, call(ECHO, 'Echo')).route).toBe('infra/exact-matching');
    expect(routeGrpc(mixed, call('unknown.Svc', 'X')).grpcStatus).toBe(12);
  });
});
