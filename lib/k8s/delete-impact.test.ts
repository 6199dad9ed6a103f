import { describe, expect, it } from 'vitest';
import type { K8sObject } from '@/lib/model/objects';
import { deleteImpact, type ImpactInput } from './delete-impact';

const obj = (kind: string, namespace: string, name: string, spec: unknown): K8sObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind,
  metadata: { namespace, name },
  spec,
});
const gateway = obj('Gateway', 'istio-system', 'gateway', {
  gatewayClassName: 'istio',
  listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'cert', namespace: 'certs' }] } }],
});
const onlyParent = obj('HTTPRoute', 'default', 'httpbin', {
  parentRefs: [{ name: 'gateway', namespace: 'istio-system' }],
  rules: [{ backendRefs: [{ name: 'httpbin', namespace: 'backends', port: 8000 }] }],
});
const twoParents = obj('HTTPRoute', 'default', 'shared', {
  parentRefs: [
    { name: 'gateway', namespace: 'istio-system', sectionName: 'https' },
    { name: 'other', namespace: 'istio-system' },
  ],
});
// Same name, but the parentRef namespace defaults to the route's own: not attached to istio-system/gateway.
const otherNamespace = obj('GRPCRoute', 'default', 'grpc', { parentRefs: [{ name: 'gateway' }] });
const grant = obj('ReferenceGrant', 'backends', 'allow-default', {
  from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }],
  to: [{ group: '', kind: 'Service' }],
});
const certGrant = obj('ReferenceGrant', 'certs', 'allow-gateways', {
  from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'istio-system' }],
  to: [{ group: '', kind: 'Secret', name: 'cert' }],
});

const input = (extra: Partial<ImpactInput> = {}): ImpactInput => ({
  Gateway: [gateway],
  HTTPRoute: [onlyParent, twoParents],
  GRPCRoute: [otherNamespace],
  ReferenceGrant: [grant, certGrant],
  ...extra,
});

describe('deleteImpact', () => {
  it('lists the routes a Gateway delete leaves without a parent, and those that keep another', () => {
    const effects = deleteImpact('Gateway', gateway, input());
    expect(effects.map((e) => [e.kind, `${e.namespace}/${e.name}`, e.effect])).toEqual([
      ['HTTPRoute', 'default/httpbin', 'left without a parent: it stops receiving traffic'],
      ['HTTPRoute', 'default/shared', 'detached from this Gateway; still attached to istio-system/other'],
    ]);
    expect(effects[0]?.href).toBe('/routes/http/default/httpbin');
  });

  it("lists a route's parent Gateways", () => {
    const effects = deleteImpact('HTTPRoute', twoParents, input());
    expect(effects.map((e) => `${e.namespace}/${e.name}: ${e.effect}`)).toEqual([
      'istio-system/gateway: stops routing the requests this HTTPRoute matched on listener https',
      'istio-system/other: stops routing the requests this HTTPRoute matched',
    ]);
  });

  it('lists the cross-namespace backend references a ReferenceGrant permitted', () => {
    const effects = deleteImpact('ReferenceGrant', grant, input());
    expect(effects).toEqual([
      {
        kind: 'HTTPRoute',
        namespace: 'default',
        name: 'httpbin',
        href: '/routes/http/default/httpbin',
        effect: 'backend Service backends/httpbin is no longer permitted (ResolvedRefs False, RefNotPermitted)',
      },
    ]);
  });

  it('lists Gateways whose certificate references the grant permitted', () => {
    const effects = deleteImpact('ReferenceGrant', certGrant, input());
    expect(effects.map((e) => `${e.kind} ${e.namespace}/${e.name}: ${e.effect}`)).toEqual([
      'Gateway istio-system/gateway: certificate Secret certs/cert is no longer permitted (ResolvedRefs False, RefNotPermitted)',
    ]);
  });

  it('says when another grant still permits the reference', () => {
    const second = obj('ReferenceGrant', 'backends', 'also-allow', {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }],
      to: [{ group: '', kind: 'Service', name: 'httpbin' }],
    });
    const effects = deleteImpact('ReferenceGrant', grant, input({ ReferenceGrant: [grant, second] }));
    expect(effects[0]?.effect).toBe('backend Service backends/httpbin stays permitted by another ReferenceGrant');
  });

  it('ignores references the grant does not cover (other kind, other source namespace)', () => {
    const elsewhere = obj('HTTPRoute', 'prod', 'p', { rules: [{ backendRefs: [{ name: 'httpbin', namespace: 'backends' }] }] });
    const effects = deleteImpact('ReferenceGrant', grant, input({ HTTPRoute: [elsewhere], Gateway: [] }));
    expect(effects).toEqual([]);
  });
});
