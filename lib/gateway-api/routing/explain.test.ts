import { describe, expect, it } from 'vitest';
import { tableFrom } from './__fixtures__/load';
import { explainNoMatch } from './explain';
import type { HttpRequestInput } from './types';

const table = tableFrom('seed.yaml');
const base: HttpRequestInput = {
  scheme: 'http',
  host: 'httpbin.aliyun.com',
  port: 80,
  method: 'GET',
  path: '/get',
  headers: {},
  address: '47.95.10.10',
};

describe('explainNoMatch', () => {
  it('names the closest rule and what differs', () => {
    const e = explainNoMatch(table, { ...base, path: '/headers' });
    expect(e.status).toBe(404);
    expect(e.gateway).toBe('istio-system/gateway');
    expect(e.closest[0]?.route).toBe('default/http');
    expect(e.closest[0]?.differences).toEqual(['path /headers does not match PathPrefix /get']);
    expect(e.closest[0]?.satisfied).toBe(1);
  });
  it('lists the listeners when none admits the host', () => {
    const e = explainNoMatch(table, { ...base, host: 'example.com' });
    expect(e.status).toBe(404);
    expect(e.closest[0]?.differences[0]).toMatch(/does not match listener hostname \*\.aliyun\.com/);
  });
  it('says so when a rule does match', () => {
    const e = explainNoMatch(table, base);
    expect(e.status).toBeUndefined();
    expect(e.closest[0]?.differences).toEqual([]);
  });
  it('orders candidates by the fewest differences, route hostnames included', () => {
    const t = tableFrom('infra.yaml', 'listeners.yaml');
    const e = explainNoMatch(t, { ...base, host: 'foo.example.com', path: '/zzz', address: '127.0.20.2' });
    // Every route there matches /zzz except exact-host (path /a), which also admits the host.
    expect(e.status).toBeUndefined();
    const miss = explainNoMatch(t, { ...base, host: 'other.net', path: '/a', address: '127.0.20.2' });
    const exact = miss.closest.find((c) => c.route === 'infra/exact-host');
    expect(exact?.differences).toEqual(['Host other.net not admitted by route hostnames foo.example.com']);
  });
});
