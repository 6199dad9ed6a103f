import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool';

// Two strings built at run time are equal but distinct heap strings, as JSON.parse makes them.
const fresh = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

describe('StringPool', () => {
  it('keeps objects equal to what the API sent', () => {
    const pool = new StringPool();
    const route = JSON.parse(
      '{"apiVersion":"gateway.networking.k8s.io/v1","kind":"HTTPRoute","metadata":{"name":"r","namespace":"team-a","uid":"u-1","resourceVersion":"7","labels":{"app":"web"}},"spec":{"parentRefs":[{"name":"gw","namespace":"team-a"}],"hostnames":["a.example.com"],"rules":[{"backendRefs":[{"name":"svc","port":8080,"weight":1}]}]},"status":{"parents":[{"conditions":[{"type":"Accepted","status":"True","observedGeneration":2}]}]}}',
    ) as unknown;
    const copy = structuredClone(route);
    expect(pool.share(route)).toEqual(copy);
  });

  it('makes two objects share one string per equal value', () => {
    const pool = new StringPool();
    // JavaScript cannot tell two equal strings apart, so sharing shows in the pool: one entry per distinct
    // value, the second object's strings found rather than added.
    pool.share({ metadata: { namespace: fresh('bench-team-00') }, spec: { group: fresh('gateway.networking.k8s.io') } });
    expect(pool.size).toBe(2);
    pool.share({ metadata: { namespace: fresh('bench-team-00') }, spec: { group: fresh('gateway.networking.k8s.io') } });
    expect(pool.size).toBe(2);
  });

  it('leaves uid, resourceVersion and long strings out of the pool', () => {
    const pool = new StringPool();
    pool.share({ metadata: { uid: fresh('3f1c'), resourceVersion: fresh('42') }, data: { pem: 'x'.repeat(300) } });
    expect(pool.size).toBe(0);
  });

  it('pools strings inside arrays and label maps', () => {
    const pool = new StringPool();
    pool.share({ hostnames: [fresh('a.example.com'), fresh('a.example.com')], labels: { app: fresh('web') } });
    expect(pool.size).toBe(2);
  });

  it('starts over when full, so values of deleted objects cannot pile up', () => {
    const pool = new StringPool(3);
    for (const h of ['h1', 'h2', 'h3']) pool.intern(fresh(h));
    expect(pool.size).toBe(3);
    pool.intern(fresh('h4'));
    expect(pool.size).toBe(1);
  });
});
