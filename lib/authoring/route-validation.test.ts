import { describe, expect, it } from 'vitest';
import { validateHTTPRouteForm } from './form-validation';
import { validateGRPCRouteForm, validateReferenceGrantForm } from './grpc-grant-validation';
import type { GRPCRouteForm } from './grpc-route-form';
import { newMatch, type HTTPRouteForm, type RuleForm } from './http-route-form';
import { newBackend, newFilter } from './route-parts';

const parent = { name: 'gateway', namespace: 'istio-system', sectionName: '', port: '' };
const backend = { ...newBackend(), name: 'httpbin', port: '8000' };
const rule = (patch: Partial<RuleForm>): HTTPRouteForm => ({
  name: 'http',
  namespace: 'default',
  parentRefs: [parent],
  hostnames: [],
  rules: [
    { matches: [newMatch()], filters: [], backendRefs: [backend], timeoutRequest: '', timeoutBackendRequest: '', ...patch },
  ],
});

describe('validateHTTPRouteForm: filters and timeouts (HTTPRoute CRD CEL rules)', () => {
  it('accepts one filter of each kind with valid settings', () => {
    const p = validateHTTPRouteForm(
      rule({
        filters: [
          { ...newFilter('RequestHeaderModifier'), set: [{ name: 'x-env', value: 'a' }] },
          { ...newFilter('ResponseHeaderModifier'), remove: ['server'] },
          { ...newFilter('URLRewrite'), pathType: 'ReplacePrefixMatch', pathValue: '/v2' },
          { ...newFilter('RequestMirror'), mirrorName: 'shadow', mirrorPort: '80' },
        ],
        timeoutRequest: '10s',
        timeoutBackendRequest: '2s',
      }),
    );
    expect(p).toEqual({});
  });

  it('refuses a repeated header modifier and a redirect together with a rewrite', () => {
    const p = validateHTTPRouteForm(
      rule({
        filters: [
          { ...newFilter('RequestHeaderModifier'), set: [{ name: 'a', value: '1' }] },
          { ...newFilter('RequestHeaderModifier'), set: [{ name: 'b', value: '1' }] },
          { ...newFilter('RequestRedirect'), scheme: 'https' },
          { ...newFilter('URLRewrite'), hostname: 'x.example.com' },
        ],
      }),
    );
    expect(p['rules.0.filters.1.type']).toBe('RequestHeaderModifier filter cannot be repeated.');
    expect(p['rules.0.filters.3.type']).toBe('A rule may redirect or rewrite, not both.');
  });

  it('replacePrefixMatch needs exactly one PathPrefix match; a mirror needs a Service and port', () => {
    const p = validateHTTPRouteForm(
      rule({
        matches: [{ ...newMatch(), pathType: 'Exact', pathValue: '/a' }],
        filters: [{ ...newFilter('URLRewrite'), pathType: 'ReplacePrefixMatch', pathValue: '/b' }],
        backendRefs: [{ ...backend, filters: [{ ...newFilter('RequestMirror'), mirrorName: 'shadow' }] }],
      }),
    );
    expect(p['rules.0.filters.0.pathType']).toMatch(/exactly one PathPrefix match/);
    expect(p['rules.0.backendRefs.0.filters.0.mirrorPort']).toBe('Must have port for Service reference.');
  });

  it('checks the Duration format and that backendRequest is not longer than request', () => {
    expect(validateHTTPRouteForm(rule({ timeoutRequest: '10 seconds' }))['rules.0.timeouts.request']).toMatch(/duration/);
    expect(
      validateHTTPRouteForm(rule({ timeoutRequest: '1s', timeoutBackendRequest: '1500ms' }))['rules.0.timeouts.backendRequest'],
    ).toBe('backendRequest timeout cannot be longer than request timeout.');
    expect(validateHTTPRouteForm(rule({ timeoutRequest: '1m', timeoutBackendRequest: '59s' }))).toEqual({});
    // A backendRequest alone is fine: the request timeout is then the implementation's.
    expect(validateHTTPRouteForm(rule({ timeoutBackendRequest: '5s' }))).toEqual({});
  });

  it('refuses invalid header names and duplicates in a modifier', () => {
    const p = validateHTTPRouteForm(
      rule({
        filters: [
          {
            ...newFilter('RequestHeaderModifier'),
            set: [{ name: 'x y', value: '1' }],
            add: [
              { name: 'a', value: '1' },
              { name: 'A', value: '2' },
            ],
          },
        ],
      }),
    );
    expect(p['rules.0.filters.0.set.0.name']).toMatch(/not a valid header name/);
    expect(p['rules.0.filters.0.add.1.name']).toMatch(/listed twice/);
  });
});

const grpc = (match: GRPCRouteForm['rules'][number]['matches'][number]): GRPCRouteForm => ({
  name: 'greeter',
  namespace: 'default',
  parentRefs: [parent],
  hostnames: [],
  rules: [{ matches: [match], filters: [], backendRefs: [backend] }],
});

describe('validateGRPCRouteForm (GRPCMethodMatch CEL rules)', () => {
  it('accepts Exact service and method names and an empty match', () => {
    expect(validateGRPCRouteForm(grpc({ type: '', service: 'helloworld.Greeter', method: 'SayHello', headers: [] }))).toEqual({});
    expect(validateGRPCRouteForm(grpc({ type: '', service: '', method: '', headers: [] }))).toEqual({});
  });

  it('refuses invalid Exact names, a typed match with neither field, and a bad regular expression', () => {
    expect(
      validateGRPCRouteForm(grpc({ type: 'Exact', service: 'hello/world', method: '', headers: [] }))[
        'rules.0.matches.0.service'
      ],
    ).toMatch(/dotted name/);
    expect(
      validateGRPCRouteForm(grpc({ type: '', service: '', method: 'Say-Hello', headers: [] }))['rules.0.matches.0.method'],
    ).toMatch(/method is a name/);
    expect(
      validateGRPCRouteForm(grpc({ type: 'Exact', service: '', method: '', headers: [] }))['rules.0.matches.0.service'],
    ).toBe("One or both of 'service' or 'method' must be specified.");
    expect(
      validateGRPCRouteForm(grpc({ type: 'RegularExpression', service: 'hello.(', method: 'Say.*', headers: [] }))[
        'rules.0.matches.0.service'
      ],
    ).toBe('Not a valid regular expression.');
  });
});

describe('validateReferenceGrantForm (ReferenceGrant schema)', () => {
  const ok = {
    name: 'allow',
    namespace: 'apps',
    from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }],
    to: [{ group: '', kind: 'Service', name: '' }],
  };
  it('accepts the core group "" and an omitted name', () => {
    expect(validateReferenceGrantForm(ok)).toEqual({});
  });
  it('requires both sides, a from namespace and valid groups and kinds', () => {
    const p = validateReferenceGrantForm({
      ...ok,
      from: [{ group: 'Gateway_API', kind: 'http route', namespace: '' }],
      to: [],
    });
    expect(p['to']).toMatch(/at least one/);
    expect(p['from.0.group']).toMatch(/API group/);
    expect(p['from.0.kind']).toMatch(/CamelCase/);
    expect(p['from.0.namespace']).toBe('A namespace is required.');
  });
});
