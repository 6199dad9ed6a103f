/**
 * The server's response caches seen from a client: every read after a write shows the write
 * (lists built from cached per-object bytes, responses from cached JSON), watch frames shared by
 * watchers still carry each watcher's own event type, and managedFields decoded from a cache
 * still move ownership like kube-apiserver (a manager that changes a field takes it over).
 */
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './test-cluster';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('response caches', () => {
  let t: TestCluster;
  const routes = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';
  const req = (method: string, p: string, body?: unknown, type = 'application/json'): Promise<{ status: number; body: Body }> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${t.cluster.token}` };
      if (payload) headers['Content-Type'] = type;
      const r = https.request(new URL(p, t.cluster.url), { method, ca: t.cluster.caPem, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as Body }));
      });
      r.on('error', reject);
      r.end(payload);
    });
  const route = (name: string, labels: Record<string, string> = {}) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, labels },
    spec: { parentRefs: [{ name: 'gateway' }], hostnames: ['a.example.com'] },
  });
  const merge = (name: string, patch: unknown, manager?: string) =>
    req('PATCH', `${routes}/${name}${manager ? `?fieldManager=${manager}` : ''}`, patch, 'application/merge-patch+json');

  /** Opens a watch and collects its events until `n` arrived. */
  function watch(query: string, n: number): Promise<Body[]> {
    return new Promise((resolve, reject) => {
      const events: Body[] = [];
      const timer = setTimeout(() => {
        r.destroy();
        reject(new Error(`watch saw ${events.length} of ${n} events`));
      }, 15_000);
      const r = https.get(
        new URL(`${routes}?watch=1&${query}`, t.cluster.url),
        { ca: t.cluster.caPem, headers: { Authorization: `Bearer ${t.cluster.token}` } },
        (res) => {
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString();
            for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
              events.push(JSON.parse(buf.slice(0, nl)) as Body);
              buf = buf.slice(nl + 1);
            }
            if (events.length >= n) {
              clearTimeout(timer);
              r.destroy();
              resolve(events);
            }
          });
        },
      );
      r.on('error', (e) => {
        if (events.length < n) {
          clearTimeout(timer);
          reject(e);
        }
      });
    });
  }

  beforeAll(async () => {
    t = await startTestCluster();
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('lists, gets and pages show an update right after it', async () => {
    for (const n of ['c-1', 'c-2', 'c-3']) expect((await req('POST', routes, route(n))).status).toBe(201);
    const first = await req('GET', `${routes}?labelSelector=`);
    expect(first.body.items.map((i: Body) => i.metadata.name)).toEqual(expect.arrayContaining(['c-1', 'c-2', 'c-3']));
    const patched = await merge('c-2', { spec: { hostnames: ['b.example.com'] } });
    expect(patched.status).toBe(200);
    const rv = patched.body.metadata.resourceVersion as string;
    const list = await req('GET', routes);
    const item = list.body.items.find((i: Body) => i.metadata.name === 'c-2');
    expect(item.spec.hostnames).toEqual(['b.example.com']);
    expect(item.metadata.resourceVersion).toBe(rv);
    expect(Number(list.body.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(rv));
    expect((await req('GET', `${routes}/c-2`)).body).toEqual(patched.body);
    // Paging after a delete: the deleted object is gone and nothing is skipped or repeated.
    expect((await req('DELETE', `${routes}/c-1`)).status).toBe(200);
    const names: string[] = [];
    let cont = '';
    for (let i = 0; i < 10; i++) {
      const page = await req('GET', `${routes}?limit=1${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      names.push(...page.body.items.map((x: Body) => x.metadata.name as string));
      cont = page.body.metadata.continue ?? '';
      if (!cont) break;
    }
    expect(names.filter((n) => n.startsWith('c-'))).toEqual(['c-2', 'c-3']);
  });

  it('gives each watcher its own event type for one change (selectors), with the same object', async () => {
    expect((await req('POST', routes, route('w-1', { tier: 'web' }))).status).toBe(201);
    const rv = (await req('GET', `${routes}/w-1`)).body.metadata.resourceVersion as string;
    const all = watch(`resourceVersion=${rv}`, 1);
    const blue = watch(`resourceVersion=${rv}&labelSelector=${encodeURIComponent('color=blue')}`, 1);
    const web = watch(`resourceVersion=${rv}&labelSelector=${encodeURIComponent('tier=web')}`, 1);
    await new Promise((r) => setTimeout(r, 200));
    const patched = await merge('w-1', { metadata: { labels: { color: 'blue' } } });
    const [a, b, w] = await Promise.all([all, blue, web]);
    // Newly matching the selector is ADDED for that watcher (watch cache semantics), MODIFIED for the others.
    expect(a[0]).toMatchObject({ type: 'MODIFIED' });
    expect(b[0]).toMatchObject({ type: 'ADDED' });
    expect(w[0]).toMatchObject({ type: 'MODIFIED' });
    for (const ev of [a[0], b[0], w[0]]) expect(ev?.object).toEqual(patched.body);
  });

  it('moves field ownership between managers on consecutive writes', async () => {
    expect((await req('POST', `${routes}?fieldManager=alice`, route('m-1', { owner: 'alice' }))).status).toBe(201);
    await merge('m-1', { metadata: { labels: { extra: 'bob' } } }, 'bob');
    const r = await merge('m-1', { metadata: { labels: { owner: 'carol' } } }, 'carol');
    const mf = r.body.metadata.managedFields as Body[];
    const fields = (m: string) => JSON.stringify(mf.find((e) => e.manager === m)?.fieldsV1 ?? {});
    expect(fields('alice')).not.toContain('f:owner');
    expect(fields('alice')).toContain('f:hostnames');
    expect(fields('bob')).toContain('f:extra');
    expect(fields('carol')).toContain('f:owner');
    // The stored object reads back the same ownership.
    expect((await req('GET', `${routes}/m-1`)).body.metadata.managedFields).toEqual(mf);
  });
});
