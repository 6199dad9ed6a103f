/**
 * Route attachment rules, each with a passing and a failing case and the
 * exact reason (spec: ParentReference, AllowedRoutes, RouteConditionReason).
 */
import { describe, expect, it } from 'vitest';
import { computeStatus } from './compute-status';
import { findCondition } from './conditions';
import { baseSnapshot, gateway, grpcRoute, httpListener, httpRoute, service, TEST_CONTROLLER } from './test-builders';
import type { Gateway, HTTPRoute, ParentReference, Snapshot } from './types';

const NOW = '2026-01-01T00:00:00Z';

function accepted(
  gw: Gateway,
  route: HTTPRoute,
  edit?: (s: Snapshot) => void,
): { status?: string; reason?: string; attached: number } {
  const s = baseSnapshot();
  s.gateways.push(gw);
  s.httpRoutes.push(route);
  s.services.push(service(route.metadata.namespace ?? '', 'backend', [8080]));
  s.namespaces.push(
    { metadata: { name: 'infra', labels: { team: 'infra' } } },
    { metadata: { name: 'apps', labels: { team: 'apps', env: 'prod' } } },
  );
  edit?.(s);
  const st = computeStatus(s, { controllerNames: [TEST_CONTROLLER], now: NOW });
  const c = findCondition(
    st.httpRoutes[`${route.metadata.namespace}/${route.metadata.name}`]?.parents[0]?.conditions,
    'Accepted',
  );
  return { status: c?.status, reason: c?.reason, attached: st.attachments.length };
}

const ref = (r: Partial<ParentReference> = {}): ParentReference => ({ name: 'gw', namespace: 'infra', ...r });
const gw80 = (l = httpListener('web', 80)) => gateway('infra', 'gw', [l]);
const routeWith = (parent: ParentReference, spec: Partial<HTTPRoute['spec']> = {}) =>
  httpRoute('apps', 'r', { parentRefs: [parent], ...spec });

describe('parentRef group / kind / namespace / name', () => {
  it.each([
    [
      'defaults to a Gateway in the route namespace',
      gateway('apps', 'gw', [httpListener('web', 80)]),
      { name: 'gw' },
      'True',
      'Accepted',
    ],
    ['explicit group and kind', gw80(), ref({ group: 'gateway.networking.k8s.io', kind: 'Gateway' }), 'True', 'Accepted'],
    ['wrong kind', gw80(), ref({ kind: 'Service', group: '' }), 'False', 'UnsupportedValue'],
    ['wrong group', gw80(), ref({ group: 'example.com' }), 'False', 'UnsupportedValue'],
    [
      'namespace defaults to the route namespace, so another namespace misses',
      gw80(),
      { name: 'gw' },
      'False',
      'NoMatchingParent',
    ],
    ['unknown name', gw80(), ref({ name: 'nope' }), 'False', 'NoMatchingParent'],
  ] as const)('%s', (_, gw, parent, status, reason) => {
    expect(accepted(gw, routeWith(parent as ParentReference))).toMatchObject({ status, reason });
  });
});

describe('sectionName and port', () => {
  const two = gateway('infra', 'gw', [httpListener('web', 80), httpListener('alt', 8080)]);
  it.each([
    ['sectionName selects one listener', ref({ sectionName: 'alt' }), 'True', 'Accepted', 1],
    ['unknown sectionName', ref({ sectionName: 'missing' }), 'False', 'NoMatchingParent', 0],
    ['port selects one listener', ref({ port: 8080 }), 'True', 'Accepted', 1],
    ['port no listener uses', ref({ port: 9090 }), 'False', 'NoMatchingParent', 0],
    ['sectionName and port must both match', ref({ sectionName: 'web', port: 8080 }), 'False', 'NoMatchingParent', 0],
    ['neither: every listener', ref(), 'True', 'Accepted', 2],
  ] as const)('%s', (_, parent, status, reason, attached) => {
    expect(accepted(two, routeWith(parent))).toEqual({ status, reason, attached });
  });
});

describe('allowedRoutes.namespaces', () => {
  const withFrom = (namespaces: NonNullable<NonNullable<Parameters<typeof httpListener>[3]>['allowedRoutes']>['namespaces']) =>
    gw80(httpListener('web', 80, undefined, { allowedRoutes: { namespaces } }));
  it.each([
    ['All', withFrom({ from: 'All' }), 'True', 'Accepted'],
    ['Same (route in another namespace)', withFrom({ from: 'Same' }), 'False', 'NotAllowedByListeners'],
    ['default is Same', withFrom(undefined), 'False', 'NotAllowedByListeners'],
    [
      'Selector matchLabels match',
      withFrom({ from: 'Selector', selector: { matchLabels: { team: 'apps' } } }),
      'True',
      'Accepted',
    ],
    [
      'Selector matchLabels miss',
      withFrom({ from: 'Selector', selector: { matchLabels: { team: 'infra' } } }),
      'False',
      'NotAllowedByListeners',
    ],
    [
      'Selector In',
      withFrom({ from: 'Selector', selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'stage'] }] } }),
      'True',
      'Accepted',
    ],
    [
      'Selector NotIn',
      withFrom({ from: 'Selector', selector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] } }),
      'False',
      'NotAllowedByListeners',
    ],
    [
      'Selector Exists',
      withFrom({ from: 'Selector', selector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] } }),
      'True',
      'Accepted',
    ],
    [
      'Selector DoesNotExist',
      withFrom({ from: 'Selector', selector: { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] } }),
      'False',
      'NotAllowedByListeners',
    ],
    [
      'Selector on the automatic name label',
      withFrom({ from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'apps' } } }),
      'True',
      'Accepted',
    ],
  ] as const)('%s', (_, gw, status, reason) => {
    expect(accepted(gw, routeWith(ref()))).toMatchObject({ status, reason });
  });

  it('Same accepts a route in the Gateway namespace', () => {
    const gw = gw80(httpListener('web', 80, undefined, { allowedRoutes: { namespaces: { from: 'Same' } } }));
    expect(accepted(gw, httpRoute('infra', 'r', { parentRefs: [{ name: 'gw' }] }))).toMatchObject({
      status: 'True',
      reason: 'Accepted',
    });
  });
});

describe('allowedRoutes.kinds and protocol vs route kind', () => {
  it.each([
    [
      'HTTPRoute allowed by kinds',
      httpListener('web', 80, undefined, { allowedRoutes: { namespaces: { from: 'All' }, kinds: [{ kind: 'HTTPRoute' }] } }),
      'True',
      'Accepted',
    ],
    [
      'only GRPCRoute allowed',
      httpListener('web', 80, undefined, { allowedRoutes: { namespaces: { from: 'All' }, kinds: [{ kind: 'GRPCRoute' }] } }),
      'False',
      'NotAllowedByListeners',
    ],
    [
      'TLS listener serves TLSRoute only',
      {
        name: 'tls',
        port: 443,
        protocol: 'TLS',
        tls: { mode: 'Passthrough' as const },
        allowedRoutes: { namespaces: { from: 'All' as const } },
      },
      'False',
      'NotAllowedByListeners',
    ],
  ] as const)('%s', (_, l, status, reason) => {
    expect(accepted(gw80(l), routeWith(ref()))).toMatchObject({ status, reason });
  });

  it('GRPCRoute attaches to an HTTP listener', () => {
    const s = baseSnapshot();
    s.gateways.push(gw80());
    s.grpcRoutes.push(grpcRoute('apps', 'g', { parentRefs: [ref()] }));
    const st = computeStatus(s, { controllerNames: [TEST_CONTROLLER], now: NOW });
    expect(findCondition(st.grpcRoutes['apps/g']?.parents[0]?.conditions, 'Accepted')?.reason).toBe('Accepted');
    expect(st.attachments.map((a) => a.routeKind)).toEqual(['GRPCRoute']);
  });
});

describe('hostname intersection decides attachment', () => {
  it.each([
    ['*.example.com', ['foo.example.com'], 'True', 'Accepted'],
    ['*.example.com', ['*.foo.example.com'], 'True', 'Accepted'],
    ['*.example.com', ['example.com'], 'False', 'NoMatchingListenerHostname'],
    ['foo.example.com', ['bar.example.com'], 'False', 'NoMatchingListenerHostname'],
    [undefined, ['anything.io'], 'True', 'Accepted'],
  ] as const)('listener %s, route %j', (lh, rh, status, reason) => {
    expect(accepted(gw80(httpListener('web', 80, lh)), routeWith(ref(), { hostnames: [...rh] }))).toMatchObject({
      status,
      reason,
    });
  });

  it('NotAllowedByListeners loses to NoMatchingListenerHostname when one listener got further', () => {
    const gw = gateway('infra', 'gw', [
      httpListener('same', 80, 'a.io', { allowedRoutes: { namespaces: { from: 'Same' } } }),
      httpListener('all', 81, 'b.io'),
    ]);
    expect(accepted(gw, routeWith(ref(), { hostnames: ['c.io'] }))).toMatchObject({
      status: 'False',
      reason: 'NoMatchingListenerHostname',
    });
  });
});

describe('route values', () => {
  it.each([
    ['unknown filter type', { type: 'ExtensionRef', extensionRef: { group: 'x.io', kind: 'F', name: 'f' } }],
    ['unknown filter type', { type: 'Teleport' }],
  ])('%s → UnsupportedValue', (_, filter) => {
    const r = routeWith(ref(), { rules: [{ filters: [filter], backendRefs: [{ name: 'backend', port: 8080 }] }] });
    expect(accepted(gw80(), r)).toMatchObject({ status: 'False', reason: 'UnsupportedValue', attached: 0 });
  });
  it.each([
    [
      'RequestRedirect with URLRewrite (spec: may not be combined)',
      [
        { type: 'RequestRedirect', requestRedirect: { statusCode: 301 as const } },
        { type: 'URLRewrite', urlRewrite: { hostname: 'x.io' } },
      ],
      undefined,
    ],
    [
      'ReplacePrefixMatch without a PathPrefix match',
      [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch' as const, replacePrefixMatch: '/x' } } }],
      [{ path: { type: 'Exact' as const, value: '/a' } }],
    ],
  ])('%s → UnsupportedValue', (_, filters, matches) => {
    const r = routeWith(ref(), { rules: [{ filters, matches, backendRefs: [{ name: 'backend', port: 8080 }] }] });
    expect(accepted(gw80(), r)).toMatchObject({ status: 'False', reason: 'UnsupportedValue', attached: 0 });
  });
  // Spec: HTTPCORSFilter is a standard filter (v1.5+); an implementation that supports it accepts the route.
  it('a CORS filter is accepted', () => {
    const cors = { type: 'CORS', cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET'] } };
    const r = routeWith(ref(), { rules: [{ filters: [cors], backendRefs: [{ name: 'backend', port: 8080 }] }] });
    expect(accepted(gw80(), r)).toMatchObject({ status: 'True', reason: 'Accepted', attached: 1 });
  });
  it('an invalid regular expression → UnsupportedValue', () => {
    const r = routeWith(ref(), { rules: [{ matches: [{ path: { type: 'RegularExpression', value: '/(unclosed' } }] }] });
    expect(accepted(gw80(), r)).toMatchObject({ status: 'False', reason: 'UnsupportedValue' });
  });
  it('a redirect rule with backendRefs is accepted (the redirect answers)', () => {
    const r = routeWith(ref(), {
      rules: [
        {
          filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 301 } }],
          backendRefs: [{ name: 'backend', port: 8080 }],
        },
      ],
    });
    expect(accepted(gw80(), r)).toMatchObject({ status: 'True', reason: 'Accepted' });
  });
  it('a header modifier is fine', () => {
    const r = routeWith(ref(), {
      rules: [
        {
          filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x', value: 'y' }] } }],
          backendRefs: [{ name: 'backend', port: 8080 }],
        },
      ],
    });
    expect(accepted(gw80(), r)).toMatchObject({ status: 'True', reason: 'Accepted' });
  });
});

describe('controller ownership', () => {
  it('routes to Gateways of another controller get no entry from us', () => {
    const res = accepted(gw80(), routeWith(ref()), (s) => {
      s.gatewayClasses[0] = { metadata: { name: 'test' }, spec: { controllerName: 'other.io/controller' } };
    });
    expect(res).toEqual({ status: undefined, reason: undefined, attached: 0 });
  });
});
