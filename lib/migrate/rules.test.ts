/**
 * One test per mapping rule and per warning: each Istio field either becomes its Gateway API
 * counterpart or is reported on its own field (Istio networking reference, Gateway API spec).
 */
import { describe, expect, it } from 'vitest';
import { migrate } from './index';
import { parseIstioYaml } from './parse';
import { NEWEST, SERVICES, V1_1 } from './test-support';
import type { MigrationResult, MigrationTarget } from './types';

const GW = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*.example.com"]
`;

/** A VirtualService on gateway `gw` for `a.example.com` with the given `http` entries (YAML flow). */
function vs(http: string, extra = ''): string {
  return `${GW}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: [a.example.com]
  gateways: [gw]
  http: ${http}
${extra}`;
}

function run(yaml: string, target: MigrationTarget = V1_1): MigrationResult {
  return migrate(parseIstioYaml(yaml).objects, target, SERVICES);
}

function rules(r: MigrationResult): Array<Record<string, unknown>> {
  const route = r.objects.find((o) => o.object.kind === 'HTTPRoute' && o.object.metadata.name === 'vs');
  return (route?.object.spec as { rules: Array<Record<string, unknown>> }).rules;
}

function warnings(r: MigrationResult): string[] {
  return r.findings.filter((f) => f.severity === 'warning').map((f) => `${f.source.path.join('.')}: ${f.message}`);
}

const TO_HTTPBIN = '{destination: {host: httpbin, port: {number: 8000}}}';

describe('actions', () => {
  it('redirect → RequestRedirect replacing the whole path, host and port split from authority', () => {
    const r = run(vs(`[{redirect: {uri: /v2, authority: "new.example.com:8443", scheme: https, redirectCode: 302}}]`));
    expect(rules(r)[0]?.filters).toEqual([
      {
        type: 'RequestRedirect',
        requestRedirect: {
          scheme: 'https',
          hostname: 'new.example.com',
          port: 8443,
          path: { type: 'ReplaceFullPath', replaceFullPath: '/v2' },
          statusCode: 302,
        },
      },
    ]);
  });

  it('rewrite of a prefix match → ReplacePrefixMatch, one rule per prefix (Gateway API allows one PathPrefix match)', () => {
    const r = run(vs(`[{match: [{uri: {prefix: /a/}}, {uri: {prefix: /b/}}], rewrite: {uri: /}, route: [${TO_HTTPBIN}]}]`));
    expect(rules(r).map((x) => [x.matches, x.filters])).toEqual([
      [
        [{ path: { type: 'PathPrefix', value: '/a/' } }],
        [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }],
      ],
      [
        [{ path: { type: 'PathPrefix', value: '/b/' } }],
        [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }],
      ],
    ]);
  });

  it('rewrite of an exact match → ReplaceFullPath; authority → hostname', () => {
    const r = run(
      vs(`[{match: [{uri: {exact: /old}}], rewrite: {uri: /new, authority: internal.example.com}, route: [${TO_HTTPBIN}]}]`),
    );
    expect(rules(r)[0]?.filters).toEqual([
      {
        type: 'URLRewrite',
        urlRewrite: { hostname: 'internal.example.com', path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } },
      },
    ]);
  });

  it('headers set/add/remove on the route and per destination → header modifier filters', () => {
    const r = run(
      vs(
        `[{headers: {request: {set: {x-a: "1"}, add: {x-b: "2"}, remove: [x-c]}, response: {remove: [server]}}, route: [{destination: {host: httpbin, port: {number: 8000}}, headers: {request: {set: {x-d: "4"}}}}]}]`,
      ),
    );
    const rule = rules(r)[0];
    expect(rule?.filters).toEqual([
      {
        type: 'RequestHeaderModifier',
        requestHeaderModifier: { set: [{ name: 'x-a', value: '1' }], add: [{ name: 'x-b', value: '2' }], remove: ['x-c'] },
      },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { remove: ['server'] } },
    ]);
    expect(rule?.backendRefs).toEqual([
      {
        name: 'httpbin',
        port: 8000,
        filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-d', value: '4' }] } }],
      },
    ]);
  });

  it('mirror with a percentage: percent on the newest bundle, a warning where RequestMirror has none', () => {
    const http = `[{route: [${TO_HTTPBIN}], mirror: {host: httpbin, port: {number: 8000}}, mirrorPercentage: {value: 25}}]`;
    expect(rules(run(vs(http), NEWEST))[0]?.filters).toEqual([
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'httpbin', port: 8000 }, percent: 25 } },
    ]);
    const old = run(vs(http), V1_1);
    expect(rules(old)[0]?.filters).toEqual([
      { type: 'RequestMirror', requestMirror: { backendRef: { name: 'httpbin', port: 8000 } } },
    ]);
    expect(warnings(old)).toEqual([
      "spec.http.0.mirror: mirror percentage 25% is not in this bundle's RequestMirror; every request is mirrored",
    ]);
  });

  it('corsPolicy → the CORS filter (newest bundle) or a warning', () => {
    const http = `[{route: [${TO_HTTPBIN}], corsPolicy: {allowOrigins: [{exact: "https://app.example.com"}, {regex: ".*"}], allowMethods: [GET], maxAge: 24h}}]`;
    const r = run(vs(http), NEWEST);
    expect(rules(r)[0]?.filters).toEqual([
      { type: 'CORS', cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET'], maxAge: 86400 } },
    ]);
    expect(warnings(r)).toEqual([expect.stringMatching(/^spec\.http\.0\.corsPolicy\.allowOrigins: origin match .* not exact/)]);
    expect(warnings(run(vs(http), V1_1))).toEqual([expect.stringMatching(/^spec\.http\.0\.corsPolicy: CORS needs/)]);
  });

  it('timeout and perTryTimeout → timeouts (newest bundle), warnings for retries, fault, delegate, directResponse', () => {
    const http = `[{route: [${TO_HTTPBIN}], timeout: 1.5s, retries: {attempts: 3, perTryTimeout: 500ms}, fault: {abort: {httpStatus: 500}}}, {delegate: {name: d}}, {directResponse: {status: 503}}]`;
    const r = run(vs(http), NEWEST);
    expect(rules(r)[0]?.timeouts).toEqual({ request: '1500ms', backendRequest: '500ms' });
    expect(warnings(r).map((w) => w.split(':')[0])).toEqual([
      'spec.http.0.retries',
      'spec.http.0.fault',
      'spec.http.1.delegate',
      'spec.http.2.directResponse',
    ]);
    expect(warnings(run(vs(http), V1_1))).toContain(
      'spec.http.0.timeout: HTTPRoute timeouts are not in this bundle (standard from Gateway API v1.2); dropped',
    );
  });
});

describe('matches', () => {
  it('headers and query params: exact stays, prefix becomes an anchored regex, method exact kept', () => {
    const r = run(
      vs(
        `[{match: [{method: {exact: POST}, headers: {x-v: {prefix: "a.b"}}, queryParams: {q: {exact: "1"}, r: {regex: "\\\\d+"}}}], route: [${TO_HTTPBIN}]}]`,
      ),
    );
    expect(rules(r)[0]?.matches).toEqual([
      {
        method: 'POST',
        headers: [{ type: 'RegularExpression', name: 'x-v', value: '^a\\.b.*' }],
        queryParams: [
          { type: 'Exact', name: 'q', value: '1' },
          { type: 'RegularExpression', name: 'r', value: '\\d+' },
        ],
      },
    ]);
  });

  it.each([
    ['withoutHeaders', '{withoutHeaders: {x: {exact: y}}}'],
    ['ignoreUriCase', '{uri: {prefix: /a/}, ignoreUriCase: true}'],
    ['sourceLabels', '{sourceLabels: {app: x}}'],
    ['authority', '{authority: {exact: a.example.com}}'],
    ['method', '{method: {regex: "GET|POST"}}'],
  ])('%s cannot be expressed: warning on that field', (field, match) => {
    const r = run(vs(`[{match: [${match}], route: [${TO_HTTPBIN}]}]`));
    expect(warnings(r)).toEqual([expect.stringMatching(new RegExp(`^spec\\.http\\.0\\.match\\.0\\.${field}: `))]);
  });
});

describe('destinations and parents', () => {
  it('a Service in another namespace gets a ReferenceGrant from the route namespace', () => {
    const r = run(vs(`[{route: [{destination: {host: echo.other.svc.cluster.local, port: {number: 8080}}}]}]`));
    expect(rules(r)[0]?.backendRefs).toEqual([{ name: 'echo', namespace: 'other', port: 8080 }]);
    const grant = r.objects.find((o) => o.object.kind === 'ReferenceGrant');
    expect(grant?.object.metadata.namespace).toBe('other');
    expect(grant?.object.spec).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }],
      to: [{ group: '', kind: 'Service', name: 'echo' }],
    });
  });

  it.each([
    [
      'an external host',
      '{destination: {host: httpbin.org}}',
      /^spec\.http\.0\.route\.0\.destination\.host: host httpbin\.org is not a Kubernetes Service/,
    ],
    [
      'no port on a multi-port Service',
      '{destination: {host: echo.other}}',
      /^spec\.http\.0\.route\.0\.destination\.port: .*has 2 ports/,
    ],
    [
      'a subset no DestinationRule defines',
      '{destination: {host: httpbin, subset: v9, port: {number: 8000}}}',
      /^spec\.http\.0\.route\.0\.destination\.subset: subset v9/,
    ],
  ])('%s is reported', (_, dest, pattern) => {
    expect(warnings(run(vs(`[{route: [${dest}]}]`)))).toEqual([expect.stringMatching(pattern)]);
  });

  it('unweighted destinations next to weighted ones get weight 0, as in Istio', () => {
    const r = run(
      vs(
        `[{route: [{destination: {host: httpbin, port: {number: 8000}}, weight: 100}, {destination: {host: productpage, port: {number: 9080}}}]}]`,
      ),
    );
    expect(rules(r)[0]?.backendRefs).toEqual([
      { name: 'httpbin', port: 8000, weight: 100 },
      { name: 'productpage', port: 9080, weight: 0 },
    ]);
  });

  it('mesh routing and short hosts are reported, not converted', () => {
    const r = run(`${GW}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs}
spec:
  hosts: [httpbin, a.example.com]
  gateways: [mesh, gw]
  http: [{route: [${TO_HTTPBIN}]}]
`);
    expect(warnings(r).map((w) => w.split(':')[0])).toEqual(['spec.gateways.0', 'spec.hosts.0']);
    const route = r.objects.find((o) => o.object.kind === 'HTTPRoute');
    expect(route?.object.spec).toMatchObject({ parentRefs: [{ name: 'gw' }], hostnames: ['a.example.com'] });
  });
});

describe('findings point at their line', () => {
  it('a fault on line 20 of the pasted YAML is reported on line 20', () => {
    const text = vs(`
  - route: [${TO_HTTPBIN}]
    fault:
      abort: {httpStatus: 500}`);
    const parsed = parseIstioYaml(text);
    const r = migrate(parsed.objects, V1_1, SERVICES);
    const fault = r.findings.find((f) => f.source.path.at(-1) === 'fault');
    expect(fault && parsed.lineOf(fault.source)).toBe(text.split('\n').findIndex((l) => l.trim().startsWith('fault:')) + 1);
  });

  it('documents that are not Istio networking objects are listed as ignored, with their line', () => {
    const parsed = parseIstioYaml(`${GW}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n---\nkind: [oops`);
    expect(parsed.objects).toHaveLength(1);
    expect(parsed.problems.map((p) => p.line)).toEqual([10, 15]);
    expect(parsed.problems[0]?.message).toMatch(/ignored: Service \(v1\)/);
  });
});
