/**
 * Wire-level behaviour of the local API server, checked with raw HTTPS requests against the
 * Kubernetes API conventions: auth, Status errors, selectors, paging, dryRun, fieldValidation,
 * status subresource and generation, watch replay, bookmarks and 410 Gone.
 */
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './test-cluster';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

describe('local API server protocol', () => {
  let t: TestCluster;
  const req = (
    method: string,
    path: string,
    body?: unknown,
    opts: { type?: string; token?: string | null; raw?: string | Buffer } = {},
  ): Promise<Res> =>
    new Promise((resolve, reject) => {
      const payload = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? t.cluster.token}`;
      if (payload !== undefined) headers['Content-Type'] = opts.type ?? 'application/json';
      const r = https.request(new URL(path, t.cluster.url), { method, ca: t.cluster.caPem, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      });
      r.on('error', reject);
      if (payload !== undefined) r.write(payload);
      r.end();
    });
  const routes = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';
  const route = (name: string, labels: Record<string, string> = {}) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, labels },
    spec: { parentRefs: [{ name: 'gateway' }] },
  });

  beforeAll(async () => {
    t = await startTestCluster({ bookmarkIntervalMs: 100, eventLogSize: 100 });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('answers 401 with a Status without a token or with a wrong one', async () => {
    for (const token of [null, 'wrong']) {
      const r = await req('GET', '/api/v1/namespaces', undefined, { token });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 });
      expect(JSON.stringify(r.body)).not.toContain('istio-system');
    }
  });

  it('serves discovery with shortNames and categories', async () => {
    const v = await req('GET', '/apis/gateway.networking.k8s.io/v1');
    const gateways = v.body.resources.find((r: { name: string }) => r.name === 'gateways');
    expect(gateways).toMatchObject({ kind: 'Gateway', namespaced: true, shortNames: ['gtw'], categories: ['gateway-api'] });
    expect(v.body.resources.map((r: { name: string }) => r.name)).toContain('gateways/status');
    const groups = await req('GET', '/apis');
    const gw = groups.body.groups.find((g: { name: string }) => g.name === 'gateway.networking.k8s.io');
    expect(gw.preferredVersion.version).toBe('v1');
    expect((await req('GET', '/version')).body.major).toBe('1');
  });

  it('maps errors to Status objects with the right reason and code', async () => {
    expect((await req('GET', `${routes}/missing`)).body).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'httproutes.gateway.networking.k8s.io "missing" not found',
    });
    expect((await req('POST', routes, undefined, { raw: '{"apiVersion": ' })).body).toMatchObject({
      reason: 'BadRequest',
      code: 400,
    });
    expect((await req('POST', routes, undefined, { raw: 'kind: [unclosed', type: 'application/yaml' })).status).toBe(400);
    const nsMissing = await req('POST', '/apis/gateway.networking.k8s.io/v1/namespaces/nope/httproutes', route('x'));
    expect(nsMissing.body).toMatchObject({ reason: 'NotFound', code: 404, message: 'namespaces "nope" not found' });
    expect((await req('POST', routes, route('dup'))).status).toBe(201);
    expect((await req('POST', routes, route('dup'))).body).toMatchObject({ reason: 'AlreadyExists', code: 409 });
    expect((await req('POST', routes, route('Bad_Name'))).body).toMatchObject({
      reason: 'Invalid',
      code: 422,
      details: { causes: [{ field: 'metadata.name' }] },
    });
    const big = { ...route('big'), metadata: { name: 'big', annotations: { a: 'x'.repeat(3 * 1024 * 1024 + 1) } } };
    expect((await req('POST', routes, big)).body).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 });
    expect((await req('PUT', routes, route('x'))).body).toMatchObject({ reason: 'MethodNotAllowed', code: 405 });
    const smp = await req('PATCH', `${routes}/dup`, {}, { type: 'application/strategic-merge-patch+json' });
    expect(smp.status).toBe(415);
  });

  it('accepts YAML bodies and generateName', async () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\ndata:\n  a: "1"\n';
    const r = await req('POST', '/api/v1/namespaces/default/configmaps', undefined, { raw: yaml, type: 'application/yaml' });
    expect(r.status).toBe(201);
    expect(r.body.metadata.name).toMatch(/^cfg-[a-z0-9]{5}$/);
  });

  it('filters with label and field selectors and pages with limit/continue', async () => {
    for (const [n, tier] of [
      ['sel-a', 'front'],
      ['sel-b', 'back'],
      ['sel-c', 'front'],
    ] as const) {
      await req('POST', routes, route(n, { tier, app: 'sel' }));
    }
    const names = async (q: string): Promise<string[]> =>
      (await req('GET', `${routes}?${q}`)).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(await names('labelSelector=tier%3Dfront')).toEqual(['sel-a', 'sel-c']);
    expect(await names('labelSelector=tier%3D%3Dfront,app')).toEqual(['sel-a', 'sel-c']);
    expect(await names('labelSelector=app%3Dsel,tier!%3Dfront')).toEqual(['sel-b']);
    expect(await names('labelSelector=tier%20in%20(back,middle)')).toEqual(['sel-b']);
    expect(await names('labelSelector=app%3Dsel,tier%20notin%20(back)')).toEqual(['sel-a', 'sel-c']);
    expect(await names('labelSelector=!tier')).toEqual(['dup']);
    expect(await names('fieldSelector=metadata.name%3Dsel-b')).toEqual(['sel-b']);
    expect((await req('GET', `${routes}?fieldSelector=spec.x%3D1`)).status).toBe(400);
    const page1 = await req('GET', `${routes}?labelSelector=app%3Dsel&limit=2`);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.metadata.remainingItemCount).toBe(1);
    const page2 = await req('GET', `${routes}?labelSelector=app%3Dsel&limit=2&continue=${page1.body.metadata.continue}`);
    expect(page2.body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['sel-c']);
    expect(page2.body.metadata.continue).toBeUndefined();
  });

  it('does not persist dryRun=All writes', async () => {
    const r = await req('POST', `${routes}?dryRun=All`, route('dry'));
    expect(r.status).toBe(201);
    expect((await req('GET', `${routes}/dry`)).status).toBe(404);
  });

  it('warns about unknown fields under Warn and refuses them under Strict', async () => {
    const obj = { ...route('unknown'), spec: { parentRefs: [{ name: 'gateway' }], bogus: true } };
    const strict = await req('POST', `${routes}?fieldValidation=Strict`, obj);
    expect(strict.status).toBe(400);
    expect(strict.body.message).toContain('unknown field "spec.bogus"');
    const warn = await req('POST', `${routes}?fieldValidation=Warn`, obj);
    expect(warn.status).toBe(201);
    expect(String(warn.headers.warning)).toContain('299 - "unknown field \\"spec.bogus\\""');
    expect(warn.body.spec.bogus).toBeUndefined();
  });

  it('bumps generation on spec changes only; status goes through the subresource', async () => {
    const gtw = '/apis/gateway.networking.k8s.io/v1/namespaces/default/gateways';
    const created = await req('POST', gtw, {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'g' },
      spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
    });
    expect(created.body.metadata.generation).toBe(1);
    const cond = {
      type: 'Accepted',
      status: 'True',
      reason: 'Accepted',
      message: 'ok',
      lastTransitionTime: '2026-01-01T00:00:00Z',
      observedGeneration: 1,
    };
    const st = await req(
      'PATCH',
      `${gtw}/g/status`,
      { status: { conditions: [cond] }, spec: { gatewayClassName: 'ignored' } },
      { type: 'application/merge-patch+json' },
    );
    expect(st.status).toBe(200);
    expect(st.body.metadata.generation).toBe(1);
    expect(st.body.spec.gatewayClassName).toBe('istio');
    expect(st.body.status.conditions[0].reason).toBe('Accepted');
    const main = await req(
      'PATCH',
      `${gtw}/g`,
      { metadata: { labels: { a: 'b' } }, status: { conditions: [] } },
      { type: 'application/merge-patch+json' },
    );
    expect(main.body.metadata.generation).toBe(1);
    expect(main.body.status.conditions[0].reason).toBe('Accepted');
    const spec = await req(
      'PATCH',
      `${gtw}/g`,
      { spec: { gatewayClassName: 'other' } },
      { type: 'application/merge-patch+json' },
    );
    expect(spec.body.metadata.generation).toBe(2);
    expect(Number(spec.body.metadata.resourceVersion)).toBeGreaterThan(Number(main.body.metadata.resourceVersion));
  });

  it('replays changes after a resourceVersion, sends bookmarks, and answers 410 for compacted history', async () => {
    const start = (await req('GET', routes)).body.metadata.resourceVersion as string;
    await req('POST', routes, route('w1'));
    await req('DELETE', `${routes}/w1`);
    const events = await watchLines(`${routes}?watch=1&resourceVersion=${start}&allowWatchBookmarks=true&timeoutSeconds=1`);
    const types = events.map((e) => `${e.type}:${e.object.metadata?.name ?? ''}`);
    expect(types.slice(0, 2)).toEqual(['ADDED:w1', 'DELETED:w1']);
    expect(types.some((x) => x.startsWith('BOOKMARK'))).toBe(true);
    const deletedRv = Number(events[1]?.object.metadata.resourceVersion);
    expect(deletedRv).toBeGreaterThan(Number(events[0]?.object.metadata.resourceVersion));
    // Push the start of this test out of the (100-change) log: resuming from it must be 410 Expired.
    for (let i = 0; i < 130; i++)
      await req('PATCH', `${routes}/dup`, { metadata: { labels: { n: String(i) } } }, { type: 'application/merge-patch+json' });
    const gone = await watchLines(`${routes}?watch=1&resourceVersion=${start}&timeoutSeconds=1`);
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function watchLines(path: string): Promise<Array<{ type: string; object: any }>> {
    const r = await req('GET', path);
    return String(typeof r.body === 'string' ? r.body : JSON.stringify(r.body))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  }
});
