import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readGatewayForm, writeGatewayForm } from './gateway-form';
import { readHTTPRouteForm, writeHTTPRouteForm } from './http-route-form';
import { newBackend, newFilter } from './route-parts';
import { manifestTemplates } from './templates';
import { editDraft } from './yaml-edit';

const seed = manifestTemplates.find((t) => t.id === 'http')!.yaml;
const [gatewayText, routeText] = seed.split('---\n') as [string, string];

describe('Gateway form ↔ YAML', () => {
  it('reads the seed Gateway', () => {
    const f = readGatewayForm(parseDocument(gatewayText));
    expect(f).toMatchObject({ name: 'gateway', namespace: 'istio-system', gatewayClassName: 'istio' });
    expect(f.address).toBe('istio-<ingress-gateway-name>.istio-system.svc.cluster.local');
    expect(f.listeners).toEqual([
      {
        name: 'default',
        hostname: '*.aliyun.com',
        port: '80',
        protocol: 'HTTP',
        tlsMode: '',
        certificateRefs: [],
        from: 'All',
        selector: '',
      },
    ]);
  });

  it('writing back an unchanged model leaves the text byte for byte (comments, quotes, order)', () => {
    const doc = parseDocument(gatewayText);
    writeGatewayForm(doc, readGatewayForm(doc));
    expect(doc.toString()).toBe(parseDocument(gatewayText).toString());
    expect(doc.toString()).toContain("hostname: '*.aliyun.com' # To match all hosts, omit this field.");
  });

  it('keeps the sequence indentation style of the draft', () => {
    const edited = editDraft(gatewayText, (d) => writeGatewayForm(d, { ...readGatewayForm(d), gatewayClassName: 'asm' }));
    expect(edited).toContain('\n  listeners:\n  - name: default\n');
    expect(edited).toContain('gatewayClassName: asm');
    const indented = gatewayText.replace(/^(\s*)- /gm, '$1  - ').replace(/^(\s{4,})(?=[a-z])/gm, '$1  ');
    expect(editDraft(indented, (d) => writeGatewayForm(d, readGatewayForm(d)))).toContain(
      '\n  listeners:\n    - name: default\n',
    );
  });

  it('changes only what the form edits and keeps unknown fields and comments', () => {
    const text = gatewayText.replace(
      '  gatewayClassName: istio\n',
      '  gatewayClassName: istio\n  infrastructure:  # newer field the form does not know\n    labels: {team: a}\n',
    );
    const doc = parseDocument(text);
    const f = readGatewayForm(doc);
    f.address = 'istio-ingressgateway.istio-system.svc.cluster.local';
    f.listeners[0]!.port = '8080';
    f.listeners.push({
      name: 'https',
      hostname: 'a.aliyun.com',
      port: '443',
      protocol: 'HTTPS',
      tlsMode: 'Terminate',
      certificateRefs: [{ name: 'myexample-credential', namespace: '' }],
      from: 'Selector',
      selector: 'team=a',
    });
    writeGatewayForm(doc, f);
    const out = doc.toString();
    expect(out).toContain('# newer field the form does not know');
    expect(out).toContain('# Binds to the pre-deployed ingress gateway');
    expect(out).toContain('# Allows HTTPRoutes from any namespace to attach');
    const obj = doc.toJS() as {
      spec: { infrastructure: unknown; addresses: unknown; listeners: Array<Record<string, unknown>> };
    };
    expect(obj.spec.infrastructure).toEqual({ labels: { team: 'a' } });
    expect(obj.spec.addresses).toEqual([{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }]);
    expect(obj.spec.listeners[0]?.port).toBe(8080);
    expect(obj.spec.listeners[1]).toEqual({
      name: 'https',
      hostname: 'a.aliyun.com',
      port: 443,
      protocol: 'HTTPS',
      tls: { mode: 'Terminate', certificateRefs: [{ name: 'myexample-credential' }] },
      allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'a' } } } },
    });
    expect(readGatewayForm(parseDocument(out))).toEqual(f);
  });

  it('clearing the hostname removes the field (an omitted hostname matches all hosts)', () => {
    const doc = parseDocument(gatewayText);
    const f = readGatewayForm(doc);
    f.listeners[0]!.hostname = '';
    writeGatewayForm(doc, f);
    expect((doc.toJS() as { spec: { listeners: Array<Record<string, unknown>> } }).spec.listeners[0]).not.toHaveProperty(
      'hostname',
    );
  });
});

describe('HTTPRoute form ↔ YAML', () => {
  it('reads the seed HTTPRoute and writes it back unchanged', () => {
    const doc = parseDocument(routeText);
    const f = readHTTPRouteForm(doc);
    expect(f.parentRefs).toEqual([{ name: 'gateway', namespace: 'istio-system', sectionName: '', port: '' }]);
    expect(f.hostnames).toEqual(['*.aliyun.com']);
    expect(f.rules[0]?.matches[0]).toEqual({
      pathType: 'PathPrefix',
      pathValue: '/get',
      method: '',
      headers: [],
      queryParams: [],
    });
    expect(f.rules[0]?.backendRefs[0]).toEqual({ name: 'httpbin', namespace: '', port: '8000', weight: '', filters: [] });
    writeHTTPRouteForm(doc, f);
    expect(doc.toString()).toBe(parseDocument(routeText).toString());
  });

  it('adds filters and weights, keeps an existing URLRewrite filter and a timeouts field', () => {
    const text = routeText.replace(
      '    backendRefs:\n',
      '    filters:\n    - type: URLRewrite  # kept as is\n      urlRewrite:\n        path: {type: ReplacePrefixMatch, replacePrefixMatch: /}\n    timeouts: {request: 10s}\n    backendRefs:\n',
    );
    const doc = parseDocument(text);
    const f = readHTTPRouteForm(doc);
    expect(f.rules[0]?.filters[0]?.type).toBe('URLRewrite');
    f.rules[0]!.filters.push({
      ...newFilter('RequestHeaderModifier'),
      set: [{ name: 'x-env', value: 'prod' }],
      remove: ['x-debug'],
    });
    f.rules[0]!.backendRefs[0]!.weight = '90';
    f.rules[0]!.backendRefs.push({ ...newBackend(), name: 'httpbin-v2', port: '8000', weight: '10' });
    f.rules[0]!.matches[0]!.method = 'GET';
    f.rules[0]!.matches[0]!.headers = [{ name: 'x-user', value: 'a' }];
    writeHTTPRouteForm(doc, f);
    const out = doc.toString();
    expect(out).toContain('# kept as is');
    const rule = (doc.toJS() as { spec: { rules: Array<Record<string, unknown>> } }).spec.rules[0]!;
    expect(rule.timeouts).toEqual({ request: '10s' });
    expect(rule.filters).toEqual([
      { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } },
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-env', value: 'prod' }], remove: ['x-debug'] } },
    ]);
    expect(rule.backendRefs).toEqual([
      { name: 'httpbin', port: 8000, weight: 90 },
      { name: 'httpbin-v2', port: 8000, weight: 10 },
    ]);
    expect(rule.matches).toEqual([
      { path: { type: 'PathPrefix', value: '/get' }, method: 'GET', headers: [{ name: 'x-user', value: 'a' }] },
    ]);
    expect(readHTTPRouteForm(parseDocument(out))).toEqual(f);
  });

  it('switching a filter to RequestRedirect drops the old type’s settings (one settings field per type)', () => {
    const doc = parseDocument(routeText);
    const f = readHTTPRouteForm(doc);
    f.rules[0]!.filters = [{ ...newFilter('ResponseHeaderModifier'), add: [{ name: 'a', value: 'b' }] }];
    writeHTTPRouteForm(doc, f);
    f.rules[0]!.filters[0] = { ...f.rules[0]!.filters[0]!, type: 'RequestRedirect', scheme: 'https', statusCode: '301' };
    writeHTTPRouteForm(doc, f);
    const rule = (doc.toJS() as { spec: { rules: Array<{ filters: unknown }> } }).spec.rules[0]!;
    expect(rule.filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }]);
  });

  it('the e2e seed file round-trips through both forms unchanged', () => {
    const text = readFileSync(path.join(__dirname, '../../e2e/manifests/gateway-http.yaml'), 'utf8');
    const [g, r] = parseAllDocuments(text) as [ReturnType<typeof parseDocument>, ReturnType<typeof parseDocument>];
    const g0 = g.toString();
    writeGatewayForm(g, readGatewayForm(g));
    expect(g.toString()).toBe(g0);
    const r0 = r.toString();
    writeHTTPRouteForm(r, readHTTPRouteForm(r));
    expect(r.toString()).toBe(r0);
  });
});
