/**
 * Valid Gateway API objects are accepted, and come back with the CRDs' defaults applied
 * (Gateway API spec: HTTPRoute rules default to a PathPrefix "/" match, parentRefs default to
 * group gateway.networking.k8s.io / kind Gateway, backendRefs to core Services with weight 1,
 * listeners' allowedRoutes to namespaces from Same).
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../types';
import { schemaOf } from './__fixtures__/crds';
import {
  gateway,
  grpcRoute,
  httpRoute,
  referenceGrant,
  seedHttpGateway,
  seedHttpRoute,
  seedHttpsGateway,
  seedHttpsRoute,
} from './__fixtures__/objects';
import { compileSchema } from './index';

/* eslint-disable @typescript-eslint/no-explicit-any -- test objects are edited freely */
const edit = (base: JsonObject, f: (spec: any) => void): JsonObject => {
  f(base.spec);
  return base;
};
const kindOf = (o: JsonObject): string => o.kind as string;
const versionOf = (o: JsonObject): string => (o.apiVersion as string).split('/')[1] as string;

const valid: Array<[string, string, JsonObject]> = [
  ['seed HTTP Gateway (v1.1.0)', 'v1.1.0', seedHttpGateway()],
  ['seed HTTPRoute (v1.1.0)', 'v1.1.0', seedHttpRoute()],
  ['seed HTTPS Gateway (v1.1.0)', 'v1.1.0', seedHttpsGateway()],
  ['seed HTTPS HTTPRoute (v1.1.0)', 'v1.1.0', seedHttpsRoute()],
  ['seed HTTP Gateway (v0.6.0, ASM 1.18)', 'v0.6.0', seedHttpGateway()],
  ['seed HTTPRoute (v0.6.0)', 'v0.6.0', seedHttpRoute()],
  ['seed HTTPS Gateway (v1.6.1)', 'v1.6.1', seedHttpsGateway()],
  ['seed HTTPS HTTPRoute (v1.6.1)', 'v1.6.1', seedHttpsRoute()],
  ['minimal Gateway', 'v1.1.0', gateway()],
  [
    'HTTPS listener without tls (refused by controllers, not by the CRD)',
    'v1.1.0',
    edit(gateway(), (s) => {
      s.listeners = [{ name: 'https', port: 443, protocol: 'HTTPS' }];
    }),
  ],
  [
    'TLS passthrough and HTTP on distinct hostnames',
    'v1.1.0',
    edit(gateway(), (s) => {
      s.listeners.push(
        { name: 'tls', port: 443, protocol: 'TLS', hostname: 'a.example.com', tls: { mode: 'Passthrough' } },
        { name: 'http-b', port: 80, protocol: 'HTTP', hostname: 'b.example.com' },
      );
    }),
  ],
  [
    'IPv4 and IPv6 addresses',
    'v1.1.0',
    edit(gateway(), (s) => {
      s.addresses = [{ type: 'IPAddress', value: '10.0.0.1' }, { value: '2001:db8::1' }];
    }),
  ],
  [
    'HTTPRoute without rules (defaulted)',
    'v1.1.0',
    edit(httpRoute(), (s) => {
      delete s.rules;
    }),
  ],
  [
    'header, query and method matches',
    'v1.1.0',
    edit(httpRoute(), (s) => {
      s.rules[0].matches = [
        {
          path: { type: 'Exact', value: '/a' },
          headers: [{ name: 'x-env', value: 'canary' }],
          queryParams: [{ name: 'v', value: '2' }],
          method: 'GET',
        },
      ];
    }),
  ],
  [
    'redirect without backendRefs',
    'v1.1.0',
    edit(httpRoute(), (s) => {
      s.rules[0] = { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] };
    }),
  ],
  [
    'URLRewrite ReplacePrefixMatch with one PathPrefix match',
    'v1.1.0',
    edit(httpRoute(), (s) => {
      s.rules[0].filters = [
        {
          type: 'URLRewrite',
          urlRewrite: { hostname: 'b.example.com', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } },
        },
      ];
    }),
  ],
  [
    'weighted cross-namespace backends and sectionNames',
    'v1.1.0',
    edit(httpRoute(), (s) => {
      s.parentRefs = [
        { name: 'gw', sectionName: 'http' },
        { name: 'gw', sectionName: 'https' },
      ];
      s.rules[0].backendRefs = [
        { name: 'a', namespace: 'backends', port: 80, weight: 90 },
        { name: 'b', port: 80, weight: 10 },
      ];
    }),
  ],
  ['GRPCRoute with service and method', 'v1.1.0', grpcRoute()],
  [
    'GRPCRoute matching a whole service',
    'v1.1.0',
    edit(grpcRoute(), (s) => {
      s.rules[0].matches = [{ method: { service: 'helloworld.Greeter' } }];
    }),
  ],
  ['ReferenceGrant', 'v1.1.0', referenceGrant()],
  [
    'GatewayClass',
    'v1.1.0',
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'istio' },
      spec: { controllerName: 'istio.io/gateway-controller' },
    },
  ],
];

describe(`${valid.length} valid Gateway API objects are accepted`, () => {
  it.each(valid)('%s', (_name, bundle, obj) => {
    const r = compileSchema(schemaOf(bundle, kindOf(obj), versionOf(obj))).validate(obj, undefined, {
      fieldValidation: 'Strict',
    });
    expect(r.causes).toEqual([]);
    expect(r.unknownFields).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});

describe('defaults are applied on write', () => {
  const route = compileSchema(schemaOf('v1.1.0', 'HTTPRoute', 'v1'));
  const gw = compileSchema(schemaOf('v1.1.0', 'Gateway', 'v1'));
  const write = (v: typeof route, o: JsonObject): any => v.validate(o, undefined, { fieldValidation: 'Strict' }).object;

  it('HTTPRoute rules default to one PathPrefix "/" match', () => {
    expect(
      write(
        route,
        edit(httpRoute(), (s) => {
          delete s.rules;
        }),
      ).spec.rules,
    ).toEqual([{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }]);
    expect(
      write(
        route,
        edit(httpRoute(), (s) => {
          s.rules = [{ backendRefs: [{ name: 'a', port: 80 }] }];
        }),
      ).spec.rules[0].matches,
    ).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
  });

  it('path type defaults to PathPrefix inside a given path, header match type to Exact', () => {
    const o = write(
      route,
      edit(httpRoute(), (s) => {
        s.rules[0].matches = [{ path: { value: '/x' }, headers: [{ name: 'h', value: 'v' }] }];
      }),
    );
    expect(o.spec.rules[0].matches[0]).toEqual({
      path: { type: 'PathPrefix', value: '/x' },
      headers: [{ name: 'h', value: 'v', type: 'Exact' }],
    });
  });

  it('parentRefs default group and kind; backendRefs default group, kind and weight', () => {
    const o = write(route, seedHttpRoute());
    expect(o.spec.parentRefs[0]).toEqual({
      name: 'gateway',
      namespace: 'istio-system',
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
    });
    expect(o.spec.rules[0].backendRefs[0]).toEqual({ name: 'httpbin', port: 8000, group: '', kind: 'Service', weight: 1 });
  });

  it('listener allowedRoutes defaults to namespaces from Same; address type to IPAddress', () => {
    const o = write(
      gw,
      edit(gateway(), (s) => {
        s.addresses = [{ value: '10.0.0.1' }];
      }),
    );
    expect(o.spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'Same' } });
    expect(o.spec.addresses[0]).toEqual({ type: 'IPAddress', value: '10.0.0.1' });
  });

  it('keeps explicit values', () => {
    expect(write(gw, seedHttpGateway()).spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'All' } });
  });

  it('withDefaults gives a stored Gateway its default status conditions on read', () => {
    const read = gw.withDefaults(gateway()) as any;
    expect(read.status.conditions.map((c: any) => [c.type, c.status, c.reason])).toEqual([
      ['Accepted', 'Unknown', 'Pending'],
      ['Programmed', 'Unknown', 'Pending'],
    ]);
  });
});
