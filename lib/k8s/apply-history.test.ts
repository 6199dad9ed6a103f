import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, historyName, withRevision } from './apply-history';

const route = (v: string) => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'http', namespace: 'default', resourceVersion: '7', managedFields: [] },
  spec: { hostnames: [v] },
});

describe('withRevision', () => {
  it('numbers revisions, records author and time, and keeps only the last 20', () => {
    let cm: ReturnType<typeof withRevision>['configMap'] | undefined;
    for (let i = 1; i <= HISTORY_LIMIT + 3; i++) {
      const next = withRevision(
        cm,
        'n',
        route(`h${i}.example.com`),
        `user${i}`,
        `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
      );
      expect(next.revision).toBe(i);
      cm = next.configMap;
    }
    const keys = Object.keys(cm?.data ?? {}).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
    expect(keys).toHaveLength(HISTORY_LIMIT);
    expect(keys[0]).toBe('rev-4');
    expect(cm?.data?.['rev-23']).toContain('h23.example.com');
    expect(cm?.data?.['rev-23']).not.toContain('managedFields');
    expect(cm?.metadata.annotations?.['portico.io/rev-23-author']).toBe('user23');
    expect(cm?.metadata.annotations?.['portico.io/rev-3-author']).toBeUndefined();
  });

  it('names ConfigMaps readably and within the 253-character limit', () => {
    expect(historyName('HTTPRoute', 'default', 'http')).toBe('httproute.default.http');
    expect(historyName('GatewayClass', undefined, 'istio')).toBe('gatewayclass.cluster.istio');
    expect(historyName('HTTPRoute', 'default', 'x'.repeat(253)).length).toBeLessThanOrEqual(253);
  });
});
