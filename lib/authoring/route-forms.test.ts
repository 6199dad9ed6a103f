import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readGRPCRouteForm, writeGRPCRouteForm } from './grpc-route-form';
import { readHTTPRouteForm, writeHTTPRouteForm } from './http-route-form';
import { readReferenceGrantForm, writeReferenceGrantForm } from './reference-grant-form';
import { newFilter } from './route-parts';

type Obj = { spec: Record<string, unknown> & { rules: Array<Record<string, unknown>> } };

// A GRPCRoute as the Gateway API guide writes it, plus a field from a newer version (sessionPersistence).
const grpcText = `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: greeter   # the route's name
  namespace: default
spec:
  parentRefs:
  - name: gateway
    namespace: istio-system
    sectionName: grpc
  hostnames:
  - grpc.aliyun.com
  rules:
  - matches:
    - method:
        service: helloworld.Greeter
        method: SayHello
      headers:
      - type: Exact   # header match type is kept
        name: x-env
        value: canary
    sessionPersistence:
      sessionName: keep-me
    backendRefs:
    - name: greeter
      port: 50051
      weight: 1
`;

describe('GRPCRoute form ↔ YAML', () => {
  it('reads parents, hostnames, method matches, headers and backends', () => {
    const f = readGRPCRouteForm(parseDocument(grpcText));
    expect(f.name).toBe('greeter');
    expect(f.parentRefs).toEqual([{ name: 'gateway', namespace: 'istio-system', sectionName: 'grpc', port: '' }]);
    expect(f.hostnames).toEqual(['grpc.aliyun.com']);
    expect(f.rules[0]?.matches).toEqual([
      { type: '', service: 'helloworld.Greeter', method: 'SayHello', headers: [{ name: 'x-env', value: 'canary' }] },
    ]);
    expect(f.rules[0]?.backendRefs).toEqual([{ name: 'greeter', namespace: '', port: '50051', weight: '1', filters: [] }]);
  });

  it('an unchanged model writes the text back byte for byte', () => {
    const doc = parseDocument(grpcText);
    writeGRPCRouteForm(doc, readGRPCRouteForm(doc));
    expect(doc.toString()).toBe(parseDocument(grpcText).toString());
  });

  it('edits keep unknown fields, comments and the header match type', () => {
    const doc = parseDocument(grpcText);
    const f = readGRPCRouteForm(doc);
    f.rules[0]!.matches[0] = { ...f.rules[0]!.matches[0]!, type: 'RegularExpression', method: 'Say.*' };
    f.rules[0]!.filters = [{ ...newFilter('RequestMirror'), mirrorName: 'greeter-shadow', mirrorPort: '50051' }];
    f.rules[0]!.backendRefs[0]!.filters = [
      { ...newFilter('ResponseHeaderModifier'), add: [{ name: 'x-via', value: 'portico' }] },
    ];
    writeGRPCRouteForm(doc, f);
    const out = doc.toString();
    expect(out).toContain("# the route's name");
    expect(out).toContain('# header match type is kept');
    const rule = (doc.toJS() as Obj).spec.rules[0]!;
    expect(rule.sessionPersistence).toEqual({ sessionName: 'keep-me' });
    expect(rule.matches).toEqual([
      {
        method: { type: 'RegularExpression', service: 'helloworld.Greeter', method: 'Say.*' },
        headers: [{ type: 'Exact', name: 'x-env', value: 'canary' }],
      },
    ]);
    expect(rule.filters).toEqual([
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'greeter-shadow', port: 50051 } } },
    ]);
    expect(rule.backendRefs).toEqual([
      {
        name: 'greeter',
        port: 50051,
        weight: 1,
        filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'x-via', value: 'portico' }] } }],
      },
    ]);
    expect(readGRPCRouteForm(parseDocument(out))).toEqual(f);
  });

  it('clearing service and method removes the method match (a match on every method)', () => {
    const doc = parseDocument(grpcText);
    const f = readGRPCRouteForm(doc);
    f.rules[0]!.matches[0] = { ...f.rules[0]!.matches[0]!, service: '', method: '' };
    writeGRPCRouteForm(doc, f);
    expect((doc.toJS() as Obj).spec.rules[0]!.matches).toEqual([
      { headers: [{ type: 'Exact', name: 'x-env', value: 'canary' }] },
    ]);
  });
});

const grantText = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: allow-routes
  namespace: backends
  labels: {team: a}
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: default
  to:
  - group: ""   # core API group
    kind: Service
`;

describe('ReferenceGrant form ↔ YAML', () => {
  it('reads from and to, and writes an unchanged model back byte for byte', () => {
    const doc = parseDocument(grantText);
    const f = readReferenceGrantForm(doc);
    expect(f).toEqual({
      name: 'allow-routes',
      namespace: 'backends',
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }],
      to: [{ group: '', kind: 'Service', name: '' }],
    });
    writeReferenceGrantForm(doc, f);
    expect(doc.toString()).toBe(parseDocument(grantText).toString());
  });

  it('keeps group "" (the core group is required, not omitted) and unknown metadata when adding entries', () => {
    const doc = parseDocument(grantText);
    const f = readReferenceGrantForm(doc);
    f.from.push({ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'apps' });
    f.to = [
      { group: '', kind: 'Service', name: 'httpbin' },
      { group: '', kind: 'Secret', name: '' },
    ];
    writeReferenceGrantForm(doc, f);
    const out = doc.toString();
    expect(out).toContain('# core API group');
    const obj = doc.toJS() as { metadata: { labels: unknown }; spec: { from: unknown; to: unknown } };
    expect(obj.metadata.labels).toEqual({ team: 'a' });
    expect(obj.spec.to).toEqual([
      { group: '', kind: 'Service', name: 'httpbin' },
      { group: '', kind: 'Secret' },
    ]);
    expect(obj.spec.from).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' },
      { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'apps' },
    ]);
    expect(readReferenceGrantForm(parseDocument(out))).toEqual(f);
  });
});

const routeText = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: http
  namespace: default
spec:
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /get
    filters:
    - type: ExtensionRef   # a vendor filter the form does not edit
      extensionRef: {group: example.io, kind: Limit, name: slow}
    backendRefs:
    - name: httpbin
      port: 8000
`;

describe('HTTPRoute form: rewrite, redirect path, mirror, backend filters, timeouts', () => {
  it('writes each filter type into its own settings field and reads it back', () => {
    const doc = parseDocument(routeText);
    const f = readHTTPRouteForm(doc);
    expect(f.rules[0]!.filters[0]!.type).toBe('ExtensionRef');
    f.rules[0]!.filters.push(
      { ...newFilter('URLRewrite'), hostname: 'internal.example.com', pathType: 'ReplacePrefixMatch', pathValue: '/v2' },
      { ...newFilter('RequestMirror'), mirrorName: 'shadow', mirrorNamespace: 'tests', mirrorPort: '8000' },
    );
    f.rules[0]!.backendRefs[0]!.filters = [{ ...newFilter('RequestHeaderModifier'), set: [{ name: 'x-backend', value: 'a' }] }];
    f.rules[0]!.timeoutRequest = '10s';
    f.rules[0]!.timeoutBackendRequest = '2s';
    f.rules[0]!.matches[0]!.queryParams = [{ name: 'debug', value: '1' }];
    writeHTTPRouteForm(doc, f);
    const out = doc.toString();
    expect(out).toContain('# a vendor filter the form does not edit');
    const rule = (doc.toJS() as Obj).spec.rules[0]!;
    expect(rule.filters).toEqual([
      { type: 'ExtensionRef', extensionRef: { group: 'example.io', kind: 'Limit', name: 'slow' } },
      {
        type: 'URLRewrite',
        urlRewrite: { hostname: 'internal.example.com', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } },
      },
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', namespace: 'tests', port: 8000 } } },
    ]);
    expect(rule.timeouts).toEqual({ request: '10s', backendRequest: '2s' });
    expect(rule.matches).toEqual([{ path: { type: 'PathPrefix', value: '/get' }, queryParams: [{ name: 'debug', value: '1' }] }]);
    expect(rule.backendRefs).toEqual([
      {
        name: 'httpbin',
        port: 8000,
        filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-backend', value: 'a' }] } }],
      },
    ]);
    expect(readHTTPRouteForm(parseDocument(out))).toEqual(f);
  });

  it('changing a path modifier type drops the other value field; clearing timeouts removes the field', () => {
    const doc = parseDocument(routeText);
    const f = readHTTPRouteForm(doc);
    f.rules[0]!.filters = [
      { ...newFilter('RequestRedirect'), pathType: 'ReplaceFullPath', pathValue: '/new', port: '8443', statusCode: '301' },
    ];
    f.rules[0]!.timeoutRequest = '5s';
    writeHTTPRouteForm(doc, f);
    f.rules[0]!.filters[0] = { ...f.rules[0]!.filters[0]!, pathType: 'ReplacePrefixMatch', pathValue: '/' };
    f.rules[0]!.timeoutRequest = '';
    writeHTTPRouteForm(doc, f);
    const rule = (doc.toJS() as Obj).spec.rules[0]!;
    expect(rule.filters).toEqual([
      {
        type: 'RequestRedirect',
        requestRedirect: { port: 8443, statusCode: 301, path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } },
      },
    ]);
    expect(rule).not.toHaveProperty('timeouts');
  });
});
