/** What the controller keeps of served objects: never Secret data, never managedFields. */
import { describe, expect, it } from 'vitest';
import { slimObject } from './slim';

describe('slimObject', () => {
  it('reduces a Secret to its type and sorted key names', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'myexample-credential',
        namespace: 'istio-system',
        resourceVersion: '7',
        managedFields: [{ manager: 'kubectl' }],
      },
      type: 'kubernetes.io/tls',
      data: { 'tls.key': 'LS0tLS1CRUdJTi1QUklWQVRF', 'tls.crt': 'LS0tLS1CRUdJTi1DRVJU' },
    };
    const kept = slimObject({ kind: 'Secret' }, secret);
    expect(kept).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'myexample-credential', namespace: 'istio-system', resourceVersion: '7' },
      type: 'kubernetes.io/tls',
      keys: ['tls.crt', 'tls.key'],
    });
    expect(JSON.stringify(kept)).not.toContain('LS0t');
  });

  it('defaults a Secret without type to Opaque (the API default) and tolerates missing data', () => {
    expect(slimObject({ kind: 'Secret' }, { metadata: { name: 's' } })).toMatchObject({ type: 'Opaque', keys: [] });
  });

  it('keeps other kinds whole except metadata.managedFields', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'httpbin', managedFields: [{}], labels: { app: 'httpbin' } },
      spec: { ports: [{ port: 8000 }] },
    };
    expect(slimObject({ kind: 'Service' }, svc)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'httpbin', labels: { app: 'httpbin' } },
      spec: { ports: [{ port: 8000 }] },
    });
  });
});
