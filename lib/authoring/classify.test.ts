import { describe, expect, it } from 'vitest';
import type { K8sObject } from '@/lib/model/objects';
import { classifyApply, cleanObject } from './classify';
import { checkIdentity } from './identity';

const live: K8sObject = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: {
    name: 'http',
    namespace: 'default',
    resourceVersion: '10',
    generation: 1,
    uid: 'u1',
    managedFields: [{ manager: 'kubectl' }],
  },
  spec: { hostnames: ['*.aliyun.com'], rules: [{ backendRefs: [{ name: 'httpbin', port: 8000 }] }] },
  status: { parents: [] },
};

describe('classifyApply', () => {
  it('is created when nothing was live', () => {
    expect(classifyApply(undefined, live)).toBe('created');
  });

  it('is unchanged when only server bookkeeping and status differ (what kubectl reports as unchanged)', () => {
    const after: K8sObject = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '11', generation: 1, managedFields: [{ manager: 'portico' }] },
      status: { parents: [{ controllerName: 'x' }] },
    };
    expect(classifyApply(live, after)).toBe('unchanged');
  });

  it('is unchanged when only key order differs', () => {
    const after: K8sObject = {
      spec: live.spec,
      metadata: { namespace: 'default', name: 'http' },
      kind: 'HTTPRoute',
      apiVersion: live.apiVersion,
    };
    expect(classifyApply(live, after)).toBe('unchanged');
  });

  it('is configured when the spec or a label changes', () => {
    expect(classifyApply(live, { ...live, spec: { hostnames: ['a.aliyun.com'] } })).toBe('configured');
    expect(classifyApply(live, { ...live, metadata: { ...live.metadata, labels: { a: 'b' } } })).toBe('configured');
  });

  it('cleans managedFields, resourceVersion, uid and status for display', () => {
    const c = cleanObject(live);
    expect(c.metadata).toEqual({ name: 'http', namespace: 'default' });
    expect(c.status).toBeUndefined();
  });
});

describe('checkIdentity', () => {
  it('accepts the seed Gateway', () => {
    const r = checkIdentity({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'Gateway',
      metadata: { name: 'gateway', namespace: 'istio-system' },
    });
    expect(r).toEqual({
      ok: true,
      identity: {
        apiVersion: 'gateway.networking.k8s.io/v1beta1',
        group: 'gateway.networking.k8s.io',
        version: 'v1beta1',
        kind: 'Gateway',
        name: 'gateway',
        namespace: 'istio-system',
      },
    });
  });

  it('names the wrong field with a specific message', () => {
    const bad = (v: unknown) => {
      const r = checkIdentity(v);
      return r.ok ? undefined : r.field;
    };
    expect(bad({ kind: 'Gateway', metadata: { name: 'a' } })).toBe('apiVersion');
    expect(bad({ apiVersion: 'gateway.networking.k8s.io', kind: 'Gateway', metadata: { name: 'a' } })).toBe('apiVersion');
    expect(bad({ apiVersion: 'v1', kind: 'service', metadata: { name: 'a' } })).toBe('kind');
    expect(bad({ apiVersion: 'v1', kind: 'Service', metadata: {} })).toBe('metadata.name');
    expect(bad({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'Bad_Name' } })).toBe('metadata.name');
    expect(bad({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', namespace: 'No' } })).toBe('metadata.namespace');
    expect(bad(['a'])).toBe('');
  });
});
