import { describe, expect, it } from 'vitest';
import { applyNeeds } from './apply-targets';

const GW = 'gateway.networking.k8s.io';

describe('applyNeeds', () => {
  it('asks patch (server-side apply) per kind and namespace, default namespace when none is given', () => {
    const text = `apiVersion: ${GW}/v1
kind: HTTPRoute
metadata: { name: a, namespace: prod }
---
apiVersion: ${GW}/v1
kind: HTTPRoute
metadata: { name: b, namespace: prod }
---
apiVersion: ${GW}/v1
kind: Gateway
metadata: { name: gw }
---
apiVersion: v1
kind: Secret
metadata: { name: tls, namespace: istio-system }
`;
    expect(applyNeeds(text)).toEqual([
      { verb: 'patch', resource: 'httproutes', group: GW, namespace: 'prod' },
      { verb: 'patch', resource: 'gateways', group: GW, namespace: 'default' },
      { verb: 'patch', resource: 'secrets', group: '', namespace: 'istio-system' },
    ]);
  });

  it('asks update for an object the editor loaded (saved with its resourceVersion, a PUT)', () => {
    const text = `apiVersion: ${GW}/v1\nkind: HTTPRoute\nmetadata: { name: a, namespace: prod }\n`;
    expect(applyNeeds(text, { 'HTTPRoute/prod/a': '42' })).toEqual([
      { verb: 'update', resource: 'httproutes', group: GW, namespace: 'prod' },
    ]);
  });

  it('cluster-scoped kinds are asked at cluster scope', () => {
    const text = `apiVersion: ${GW}/v1\nkind: GatewayClass\nmetadata: { name: c, namespace: ignored }\n`;
    expect(applyNeeds(text)).toEqual([{ verb: 'patch', resource: 'gatewayclasses', group: GW, namespace: '' }]);
  });

  it('adds nothing for unknown kinds, a wrong group, or text that does not parse (the dry run reports those)', () => {
    expect(applyNeeds('apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n')).toEqual([]);
    expect(applyNeeds('apiVersion: example.com/v1\nkind: HTTPRoute\nmetadata: { name: w }\n')).toEqual([]);
    expect(applyNeeds('kind: [unclosed')).toEqual([]);
    expect(applyNeeds('')).toEqual([]);
  });
});
