import { describe, expect, it } from 'vitest';
import { sanitize } from './sanitize';

describe('sanitize', () => {
  it('drops Secret data and keeps only the key names', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: { name: 'myexample-credential', namespace: 'istio-system' },
      data: { 'tls.crt': 'LS0tLS1CRUdJTi', 'tls.key': 'LS0tLS1CRUdJTiBQUklWQVRF' },
      stringData: { extra: 'secret' },
    };
    const out = sanitize(secret);
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: { name: 'myexample-credential', namespace: 'istio-system' },
      keys: ['tls.crt', 'tls.key'],
    });
    expect(JSON.stringify(out)).not.toContain('LS0tLS1CRUdJTiBQUklWQVRF');
  });

  it('drops the last-applied-configuration annotation of a Secret, which holds its data', () => {
    const secret = {
      kind: 'Secret',
      metadata: {
        name: 's',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"tls.key":"S0VZ"}}', team: 'edge' },
      },
      data: { 'tls.key': 'S0VZ' },
    };
    const out = sanitize(secret);
    expect(JSON.stringify(out)).not.toContain('S0VZ');
    expect(out.metadata.annotations).toEqual({ team: 'edge' });
  });

  it('removes managedFields from every kind and keeps the rest', () => {
    const route = {
      kind: 'HTTPRoute',
      metadata: { name: 'http', namespace: 'default', managedFields: [{ manager: 'kubectl' }] },
      spec: { hostnames: ['*.aliyun.com'] },
    };
    expect(sanitize(route)).toEqual({
      kind: 'HTTPRoute',
      metadata: { name: 'http', namespace: 'default' },
      spec: { hostnames: ['*.aliyun.com'] },
    });
  });
});
