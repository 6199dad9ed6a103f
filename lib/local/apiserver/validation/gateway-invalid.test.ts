/**
 * Invalid Gateway API objects must be refused with the field path and reason kube-apiserver gives,
 * per the CRDs' OpenAPI constraints and CEL rules (Gateway API spec; upstream pkg/test/cel intents).
 */
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { schemaOf } from './__fixtures__/crds';
import { gateway, grpcRoute, httpRoute, referenceGrant } from './__fixtures__/objects';
import { compileSchema } from './index';

type Kind = 'Gateway' | 'HTTPRoute' | 'GRPCRoute' | 'ReferenceGrant' | 'TLSRoute';
interface Case {
  name: string;
  kind: Kind;
  bundle?: string;
  version?: string;
  obj: JsonObject;
  field: string;
  reason: string;
  message: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- test objects are edited freely */
const edit = (base: JsonObject, f: (spec: any) => void): JsonObject => {
  f(base.spec);
  return base;
};
const gw = (f: (spec: any) => void): JsonObject => edit(gateway(), f);
const hr = (f: (spec: any) => void): JsonObject => edit(httpRoute(), f);
const gr = (f: (spec: any) => void): JsonObject => edit(grpcRoute(), f);
const rg = (f: (spec: any) => void): JsonObject => edit(referenceGrant(), f);
const l0 = (spec: any): any => spec.listeners[0];
const rule0 = (spec: any): any => spec.rules[0];
const tlsListener = {
  name: 'https',
  port: 443,
  protocol: 'HTTPS',
  tls: { mode: 'Terminate', certificateRefs: [{ name: 'cert' }] },
};

const cases: Case[] = [
  // Gateway: listeners (GEP-1762 / spec.listeners)
  {
    name: 'listener hostname "*" alone',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).hostname = '*';
    }),
    field: 'spec.listeners[0].hostname',
    reason: 'FieldValueInvalid',
    message: 'spec.listeners[0].hostname in body should match',
  },
  {
    name: 'listener hostname with wildcard in the middle',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).hostname = 'foo.*.com';
    }),
    field: 'spec.listeners[0].hostname',
    reason: 'FieldValueInvalid',
    message: 'should match',
  },
  {
    name: 'duplicate listener names (list-map key)',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners.push({ name: 'http', port: 8080, protocol: 'HTTP' });
    }),
    field: 'spec.listeners[1]',
    reason: 'FieldValueDuplicate',
    message: 'Duplicate value: map[string]interface {}{"name":"http"}',
  },
  {
    name: 'duplicate listener names (CEL)',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners.push({ name: 'http', port: 8080, protocol: 'HTTP' });
    }),
    field: 'spec.listeners',
    reason: 'FieldValueInvalid',
    message: 'Invalid value: "array": Listener name must be unique within the Gateway',
  },
  {
    name: 'TLS certificateRefs on an HTTP listener',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).tls = { certificateRefs: [{ name: 'cert' }] };
    }),
    field: 'spec.listeners',
    reason: 'FieldValueInvalid',
    message: "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
  },
  {
    name: 'HTTPS listener in Passthrough mode',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners = [{ ...tlsListener, tls: { mode: 'Passthrough' } }];
    }),
    field: 'spec.listeners',
    reason: 'FieldValueInvalid',
    message: 'tls mode must be Terminate for protocol HTTPS',
  },
  {
    name: 'hostname on a TCP listener',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners = [{ name: 'tcp', port: 9000, protocol: 'TCP', hostname: 'a.example.com' }];
    }),
    field: 'spec.listeners',
    reason: 'FieldValueInvalid',
    message: "hostname must not be specified for protocols ['TCP', 'UDP']",
  },
  {
    name: 'same port, protocol and hostname twice',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners.push({ name: 'other', port: 80, protocol: 'HTTP' });
    }),
    field: 'spec.listeners',
    reason: 'FieldValueInvalid',
    message: 'Combination of port, protocol and hostname must be unique for each listener',
  },
  {
    name: 'Terminate without certificateRefs or options',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners = [{ ...tlsListener, tls: { mode: 'Terminate' } }];
    }),
    field: 'spec.listeners[0].tls',
    reason: 'FieldValueInvalid',
    message: 'certificateRefs or options must be specified when mode is Terminate',
  },
  {
    name: 'listener port 0',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).port = 0;
    }),
    field: 'spec.listeners[0].port',
    reason: 'FieldValueInvalid',
    message: 'Invalid value: 0: spec.listeners[0].port in body should be greater than or equal to 1',
  },
  {
    name: 'listener port above 65535',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).port = 70000;
    }),
    field: 'spec.listeners[0].port',
    reason: 'FieldValueInvalid',
    message: 'should be less than or equal to 65535',
  },
  {
    name: 'listener port as a string',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).port = '80';
    }),
    field: 'spec.listeners[0].port',
    reason: 'FieldValueTypeInvalid',
    message: 'Invalid value: "string": spec.listeners[0].port in body must be of type integer: "string"',
  },
  {
    name: 'missing gatewayClassName',
    kind: 'Gateway',
    obj: gw((s) => {
      delete s.gatewayClassName;
    }),
    field: 'spec.gatewayClassName',
    reason: 'FieldValueRequired',
    message: 'Required value',
  },
  {
    name: 'no listeners',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners = [];
    }),
    field: 'spec.listeners',
    reason: 'FieldValueInvalid',
    message: 'spec.listeners in body should have at least 1 items',
  },
  {
    name: 'listener without protocol',
    kind: 'Gateway',
    obj: gw((s) => {
      delete l0(s).protocol;
    }),
    field: 'spec.listeners[0].protocol',
    reason: 'FieldValueRequired',
    message: 'Required value',
  },
  {
    name: 'listener name not a DNS subdomain',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).name = 'HTTP_Listener';
    }),
    field: 'spec.listeners[0].name',
    reason: 'FieldValueInvalid',
    message: 'should match',
  },
  {
    name: 'allowedRoutes from an unknown value',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).allowedRoutes = { namespaces: { from: 'Everywhere' } };
    }),
    field: 'spec.listeners[0].allowedRoutes.namespaces.from',
    reason: 'FieldValueNotSupported',
    message: 'Unsupported value: "Everywhere": supported values: "All", "Selector", "Same"',
  },
  {
    name: 'more than 64 listeners',
    kind: 'Gateway',
    obj: gw((s) => {
      s.listeners = Array.from({ length: 65 }, (_, i) => ({ name: `l${i}`, port: 1000 + i, protocol: 'HTTP' }));
    }),
    field: 'spec.listeners',
    reason: 'FieldValueTooMany',
    message: 'Too many: 65: must have at most 64 items',
  },
  {
    name: 'duplicate Hostname addresses',
    kind: 'Gateway',
    obj: gw((s) => {
      s.addresses = [
        { type: 'Hostname', value: 'a.example.com' },
        { type: 'Hostname', value: 'a.example.com' },
      ];
    }),
    field: 'spec.addresses',
    reason: 'FieldValueInvalid',
    message: 'Hostname values must be unique',
  },
  {
    name: 'Hostname address with invalid characters',
    kind: 'Gateway',
    obj: gw((s) => {
      s.addresses = [{ type: 'Hostname', value: 'Foo_Bar' }];
    }),
    field: 'spec.addresses[0]',
    reason: 'FieldValueInvalid',
    message: 'Hostname value must only contain valid characters',
  },
  {
    name: 'IPAddress address (the default type) that is not an IP',
    kind: 'Gateway',
    obj: gw((s) => {
      s.addresses = [{ value: '300.1.1.1' }];
    }),
    field: '<nil>',
    reason: 'FieldValueInvalid',
    message: 'spec.addresses[0] must validate one and only one schema (oneOf). Found none valid',
  },
  {
    name: 'too many allowedRoutes kinds',
    kind: 'Gateway',
    obj: gw((s) => {
      l0(s).allowedRoutes = { kinds: Array.from({ length: 9 }, (_, i) => ({ kind: `K${i}` })) };
    }),
    field: 'spec.listeners[0].allowedRoutes.kinds',
    reason: 'FieldValueTooMany',
    message: 'must have at most 8 items',
  },
  // HTTPRoute (spec.rules, HTTPPathMatch, filters, backendRefs)
  {
    name: 'path value not starting with /',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches[0].path.value = 'get';
    }),
    field: 'spec.rules[0].matches[0].path',
    reason: 'FieldValueInvalid',
    message: `Invalid value: "object": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']`,
  },
  {
    name: 'path containing //',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches[0].path = { type: 'Exact', value: '/a//b' };
    }),
    field: 'spec.rules[0].matches[0].path',
    reason: 'FieldValueInvalid',
    message: "must not contain '//'",
  },
  {
    name: 'path ending with /..',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches[0].path.value = '/a/..';
    }),
    field: 'spec.rules[0].matches[0].path',
    reason: 'FieldValueInvalid',
    message: "must not end with '/..'",
  },
  {
    name: 'more than 16 rules',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      s.rules = Array.from({ length: 17 }, () => ({ backendRefs: [{ name: 'a', port: 80 }] }));
    }),
    field: 'spec.rules',
    reason: 'FieldValueTooMany',
    message: 'Too many: 17: must have at most 16 items',
  },
  {
    name: 'more than 8 matches in a rule',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches = Array.from({ length: 9 }, (_, i) => ({ path: { value: `/p${i}` } }));
    }),
    field: 'spec.rules[0].matches',
    reason: 'FieldValueTooMany',
    message: 'must have at most 8 items',
  },
  {
    name: 'filter config not matching its type',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).filters = [{ type: 'RequestHeaderModifier', urlRewrite: { hostname: 'a.example.com' } }];
    }),
    field: 'spec.rules[0].filters[0]',
    reason: 'FieldValueInvalid',
    message: 'filter.urlRewrite must be nil if the filter.type is not URLRewrite',
  },
  {
    name: 'filter type without its config',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).filters = [{ type: 'RequestHeaderModifier', urlRewrite: { hostname: 'a.example.com' } }];
    }),
    field: 'spec.rules[0].filters[0]',
    reason: 'FieldValueInvalid',
    message: 'filter.requestHeaderModifier must be specified for RequestHeaderModifier filter.type',
  },
  {
    name: 'RequestRedirect and URLRewrite together',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).backendRefs = [];
      rule0(s).filters = [
        { type: 'RequestRedirect', requestRedirect: { scheme: 'https' } },
        { type: 'URLRewrite', urlRewrite: { hostname: 'a.example.com' } },
      ];
    }),
    field: 'spec.rules[0].filters',
    reason: 'FieldValueInvalid',
    message: 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
  },
  {
    name: 'RequestRedirect with backendRefs',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).filters = [{ type: 'RequestRedirect', requestRedirect: { statusCode: 301 } }];
    }),
    field: 'spec.rules[0]',
    reason: 'FieldValueInvalid',
    message: 'RequestRedirect filter must not be used together with backendRefs',
  },
  {
    name: 'repeated RequestHeaderModifier',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).filters = [1, 2].map((i) => ({
        type: 'RequestHeaderModifier',
        requestHeaderModifier: { set: [{ name: `x-${i}`, value: 'v' }] },
      }));
    }),
    field: 'spec.rules[0].filters',
    reason: 'FieldValueInvalid',
    message: 'RequestHeaderModifier filter cannot be repeated',
  },
  {
    name: 'duplicate header matches',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches[0].headers = [
        { name: 'x-env', value: 'a' },
        { name: 'x-env', value: 'b' },
      ];
    }),
    field: 'spec.rules[0].matches[0].headers[1]',
    reason: 'FieldValueDuplicate',
    message: 'Duplicate value: map[string]interface {}{"name":"x-env"}',
  },
  {
    name: 'duplicate header names to remove (set)',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).filters = [{ type: 'RequestHeaderModifier', requestHeaderModifier: { remove: ['x-a', 'x-a'] } }];
    }),
    field: 'spec.rules[0].filters[0].requestHeaderModifier.remove[1]',
    reason: 'FieldValueDuplicate',
    message: 'Duplicate value: "x-a"',
  },
  {
    name: 'weight out of range',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).backendRefs[0].weight = 1000001;
    }),
    field: 'spec.rules[0].backendRefs[0].weight',
    reason: 'FieldValueInvalid',
    message: 'should be less than or equal to 1000000',
  },
  {
    name: 'negative weight',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).backendRefs[0].weight = -1;
    }),
    field: 'spec.rules[0].backendRefs[0].weight',
    reason: 'FieldValueInvalid',
    message: 'should be greater than or equal to 0',
  },
  {
    name: 'Service backendRef without port',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      delete rule0(s).backendRefs[0].port;
    }),
    field: 'spec.rules[0].backendRefs[0]',
    reason: 'FieldValueInvalid',
    message: 'Must have port for Service reference',
  },
  {
    name: 'hostname with upper case',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      s.hostnames = ['Example.COM'];
    }),
    field: 'spec.hostnames[0]',
    reason: 'FieldValueInvalid',
    message: 'should match',
  },
  {
    name: 'hostname that is only a wildcard',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      s.hostnames = ['*'];
    }),
    field: 'spec.hostnames[0]',
    reason: 'FieldValueInvalid',
    message: 'should match',
  },
  {
    name: 'same parent twice, only one with sectionName',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      s.parentRefs = [{ name: 'gw' }, { name: 'gw', sectionName: 'http' }];
    }),
    field: 'spec.parentRefs',
    reason: 'FieldValueInvalid',
    message: 'sectionName must be specified when parentRefs includes 2 or more references to the same parent',
  },
  {
    name: 'same parent and sectionName twice',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      s.parentRefs = [
        { name: 'gw', sectionName: 'a' },
        { name: 'gw', sectionName: 'a' },
      ];
    }),
    field: 'spec.parentRefs',
    reason: 'FieldValueInvalid',
    message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent',
  },
  {
    name: 'ReplacePrefixMatch with an Exact match',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches[0].path.type = 'Exact';
      rule0(s).filters = [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/x' } } }];
    }),
    field: 'spec.rules[0]',
    reason: 'FieldValueInvalid',
    message: 'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
  },
  {
    name: 'ReplaceFullPath without replaceFullPath',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).filters = [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replacePrefixMatch: '/x' } } }];
    }),
    field: 'spec.rules[0].filters[0].urlRewrite.path',
    reason: 'FieldValueInvalid',
    message: "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
  },
  {
    name: 'unknown HTTP method',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches[0].method = 'FETCH';
    }),
    field: 'spec.rules[0].matches[0].method',
    reason: 'FieldValueNotSupported',
    message: 'Unsupported value: "FETCH"',
  },
  {
    name: 'header name with a space',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      rule0(s).matches[0].headers = [{ name: 'x env', value: 'a' }];
    }),
    field: 'spec.rules[0].matches[0].headers[0].name',
    reason: 'FieldValueInvalid',
    message: 'should match',
  },
  {
    name: 'parentRef namespace not a DNS label',
    kind: 'HTTPRoute',
    obj: hr((s) => {
      s.parentRefs[0].namespace = 'Istio-System';
    }),
    field: 'spec.parentRefs[0].namespace',
    reason: 'FieldValueInvalid',
    message: 'should match',
  },
  {
    name: 'backendRequest timeout longer than request (experimental)',
    kind: 'HTTPRoute',
    bundle: 'v1.1.0/experimental',
    obj: hr((s) => {
      rule0(s).timeouts = { request: '1s', backendRequest: '2s' };
    }),
    field: 'spec.rules[0].timeouts',
    reason: 'FieldValueInvalid',
    message: 'backendRequest timeout cannot be longer than request timeout',
  },
  // GRPCRoute (GRPCMethodMatch)
  {
    name: 'method match without service or method',
    kind: 'GRPCRoute',
    obj: gr((s) => {
      rule0(s).matches[0].method = { type: 'Exact' };
    }),
    field: 'spec.rules[0].matches[0].method',
    reason: 'FieldValueInvalid',
    message: "One or both of 'service' or 'method' must be specified",
  },
  {
    name: 'service with invalid characters',
    kind: 'GRPCRoute',
    obj: gr((s) => {
      rule0(s).matches[0].method.service = 'foo/bar';
    }),
    field: 'spec.rules[0].matches[0].method',
    reason: 'FieldValueInvalid',
    message: 'service must only contain valid characters',
  },
  {
    name: 'method with invalid characters',
    kind: 'GRPCRoute',
    obj: gr((s) => {
      rule0(s).matches[0].method.method = 'Say-Hello';
    }),
    field: 'spec.rules[0].matches[0].method',
    reason: 'FieldValueInvalid',
    message: 'method must only contain valid characters',
  },
  {
    name: 'GRPC filter config not matching its type',
    kind: 'GRPCRoute',
    obj: gr((s) => {
      rule0(s).filters = [{ type: 'RequestMirror', requestHeaderModifier: { set: [{ name: 'a', value: 'b' }] } }];
    }),
    field: 'spec.rules[0].filters[0]',
    reason: 'FieldValueInvalid',
    message: 'filter.requestMirror must be specified for RequestMirror filter.type',
  },
  // ReferenceGrant (spec.from / spec.to)
  {
    name: 'from with an empty kind',
    kind: 'ReferenceGrant',
    version: 'v1beta1',
    obj: rg((s) => {
      s.from[0].kind = '';
    }),
    field: 'spec.from[0].kind',
    reason: 'FieldValueInvalid',
    message: 'spec.from[0].kind in body should be at least 1 chars long',
  },
  {
    name: 'from without namespace',
    kind: 'ReferenceGrant',
    version: 'v1beta1',
    obj: rg((s) => {
      delete s.from[0].namespace;
    }),
    field: 'spec.from[0].namespace',
    reason: 'FieldValueRequired',
    message: 'Required value',
  },
  {
    name: 'to with an invalid kind',
    kind: 'ReferenceGrant',
    version: 'v1beta1',
    obj: rg((s) => {
      s.to[0].kind = '1Service';
    }),
    field: 'spec.to[0].kind',
    reason: 'FieldValueInvalid',
    message: 'should match',
  },
  {
    name: 'empty from list',
    kind: 'ReferenceGrant',
    version: 'v1beta1',
    obj: rg((s) => {
      s.from = [];
    }),
    field: 'spec.from',
    reason: 'FieldValueInvalid',
    message: 'should have at least 1 items',
  },
  {
    name: 'to without group',
    kind: 'ReferenceGrant',
    version: 'v1beta1',
    obj: rg((s) => {
      delete s.to[0].group;
    }),
    field: 'spec.to[0].group',
    reason: 'FieldValueRequired',
    message: 'Required value',
  },
  // v1.6.1 bundle
  {
    name: 'v1.6.1 experimental: duplicate rule names',
    kind: 'HTTPRoute',
    bundle: 'v1.6.1/experimental',
    obj: hr((s) => {
      s.rules = [
        { name: 'a', backendRefs: [{ name: 'x', port: 80 }] },
        { name: 'a', backendRefs: [{ name: 'y', port: 80 }] },
      ];
    }),
    field: 'spec.rules',
    reason: 'FieldValueInvalid',
    message: 'Rule name must be unique within the route',
  },
  {
    name: 'v1.6.1: path with invalid characters',
    kind: 'HTTPRoute',
    bundle: 'v1.6.1',
    obj: hr((s) => {
      rule0(s).matches[0].path.value = '/a b';
    }),
    field: 'spec.rules[0].matches[0].path',
    reason: 'FieldValueInvalid',
    message: 'must only contain valid characters',
  },
  {
    name: 'v1.6.1: Gateway TLS port in Passthrough for HTTPS',
    kind: 'Gateway',
    bundle: 'v1.6.1',
    obj: gw((s) => {
      s.listeners = [{ ...tlsListener, tls: { mode: 'Passthrough' } }];
    }),
    field: 'spec.listeners',
    reason: 'FieldValueInvalid',
    message: 'tls mode must be Terminate for protocol HTTPS',
  },
  {
    name: 'v1.6.1: TLSRoute hostname that is an IP',
    kind: 'TLSRoute',
    bundle: 'v1.6.1',
    obj: {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'TLSRoute',
      metadata: { name: 't', namespace: 'default' },
      spec: { parentRefs: [{ name: 'gw' }], hostnames: ['10.0.0.1'], rules: [{ backendRefs: [{ name: 'b', port: 443 }] }] },
    },
    field: 'spec.hostnames',
    reason: 'FieldValueInvalid',
    message: 'Hostnames cannot contain an IP',
  },
  {
    name: 'v1.6.1 experimental: CORS "*" with other origins',
    kind: 'HTTPRoute',
    bundle: 'v1.6.1/experimental',
    obj: hr((s) => {
      rule0(s).filters = [{ type: 'CORS', cors: { allowOrigins: ['*', 'https://a.example.com'] } }];
    }),
    field: 'spec.rules[0].filters[0].cors.allowOrigins',
    reason: 'FieldValueInvalid',
    message: "AllowOrigins cannot contain '*' alongside other origins",
  },
];

describe(`${cases.length} invalid Gateway API objects are refused like kube-apiserver does`, () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const schema = schemaOf(c.bundle ?? 'v1.1.0', c.kind, c.version ?? 'v1');
    const { causes } = compileSchema(schema).validate(c.obj, undefined, { fieldValidation: 'Strict' });
    const hit = causes.find((x) => x.field === c.field && x.reason === c.reason && x.message.includes(c.message));
    expect(hit, `causes were ${JSON.stringify(causes, null, 1)}`).toBeDefined();
  });
});

describe('kube specifics of refusals', () => {
  it('skips CEL rules after a blocking schema error, and says so', () => {
    const obj = gw((s) => {
      l0(s).port = '80';
      s.listeners.push({ name: 'http', port: 81, protocol: 'HTTP' });
    });
    const { causes } = compileSchema(schemaOf('v1.1.0', 'Gateway', 'v1')).validate(obj, undefined, { fieldValidation: 'Strict' });
    expect(causes.map((c) => c.field)).toContain('<nil>');
    expect(causes.find((c) => c.field === '<nil>')?.message).toBe(
      'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    );
    expect(causes.some((c) => c.message.includes('Listener name must be unique'))).toBe(false);
  });

  it('reports a CEL runtime error on a missing field with the rule message', () => {
    const obj = gw((s) => {
      s.listeners = [{ ...tlsListener, tls: { mode: 'Terminate' } }];
    });
    const { causes } = compileSchema(schemaOf('v1.1.0', 'Gateway', 'v1')).validate(obj, undefined, { fieldValidation: 'Strict' });
    expect(causes).toEqual([
      {
        field: 'spec.listeners[0].tls',
        reason: 'FieldValueInvalid',
        message:
          'Invalid value: "object": no such key: certificateRefs evaluating rule: certificateRefs or options must be specified when mode is Terminate',
      },
    ]);
  });

  it('GatewayClass controllerName is immutable (transition rule, update only)', () => {
    const v = compileSchema(schemaOf('v1.1.0', 'GatewayClass' as Kind, 'v1'));
    const gc = (controllerName: string): JsonObject => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'istio' },
      spec: { controllerName },
    });
    expect(v.validate(gc('istio.io/gateway-controller'), undefined, { fieldValidation: 'Strict' }).causes).toEqual([]);
    expect(v.validate(gc('a.io/x'), gc('a.io/x'), { fieldValidation: 'Strict' }).causes).toEqual([]);
    expect(v.validate(gc('b.io/y'), gc('a.io/x'), { fieldValidation: 'Strict' }).causes).toEqual([
      { field: 'spec.controllerName', reason: 'FieldValueInvalid', message: 'Invalid value: "string": Value is immutable' },
    ]);
  });

  it('never changes its input', () => {
    const obj = hr((s) => {
      delete rule0(s).backendRefs[0].port;
    });
    const before = JSON.stringify(obj as Json);
    compileSchema(schemaOf('v1.1.0', 'HTTPRoute', 'v1')).validate(obj, undefined, { fieldValidation: 'Strict' });
    expect(JSON.stringify(obj as Json)).toBe(before);
  });
});
