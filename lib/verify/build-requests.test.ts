import { describe, expect, it } from 'vitest';
import { buildRequestsForRule, HTTPBIN_PATH_SAMPLES } from './build-requests';
import { world } from './test-support';

describe('requests for the seed rules', () => {
  const w = world('seed-http.yaml', 'seed-https.yaml');

  it('HTTP route: http on port 80, Host from *.aliyun.com with a concrete label, path = the prefix', () => {
    const [r, ...rest] = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/http', 0);
    expect(rest).toHaveLength(0);
    expect(r).toMatchObject({ scheme: 'http', host: 'httpbin.aliyun.com', port: 80, method: 'GET', path: '/get', headers: {} });
    expect(r).toMatchObject({
      gateway: 'istio-system/gateway',
      listener: 'default',
      route: 'default/http',
      ruleIndex: 0,
      matchIndex: 0,
      needsInput: [],
    });
    expect(r?.sni).toBeUndefined();
    expect(r?.notes.join(' ')).toContain('*.aliyun.com replaced by httpbin.aliyun.com');
  });

  it('HTTPS route: https on 443 with SNI = Host, one request per match', () => {
    const reqs = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/httpbin-https', 0, { wildcardLabel: 'a' });
    expect(reqs.map((r) => [r.scheme, r.host, r.sni, r.port, r.path, r.matchIndex])).toEqual([
      ['https', 'a.aliyun.com', 'a.aliyun.com', 443, '/status', 0],
      ['https', 'a.aliyun.com', 'a.aliyun.com', 443, '/delay', 1],
    ]);
  });

  it('httpbin path samples turn a prefix into a real endpoint, still under the prefix', () => {
    const reqs = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/httpbin-https', 0, {
      wildcardLabel: 'a',
      pathSamples: HTTPBIN_PATH_SAMPLES,
    });
    expect(reqs.map((r) => r.path)).toEqual(['/status/418', '/delay/1']);
    const odd = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/httpbin-https', 0, {
      pathSamples: { '/status': '/statusX' },
    });
    expect(odd[0]?.path).toBe('/status'); // "/statusX" is not under the /status prefix (path segments)
  });

  it('unknown route or rule index gives no request', () => {
    expect(buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/nope', 0)).toEqual([]);
    expect(buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/http', 7)).toEqual([]);
  });
});

describe('requests from each match type', () => {
  const w = world('matches.yaml');
  const build = (rule: number) => buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/matches', rule);

  it('Exact path, method, exact and regex headers, query params', () => {
    const [r] = build(0);
    expect(r).toMatchObject({
      method: 'POST',
      path: '/cart?page=2',
      headers: { 'x-tenant': 'blue', 'x-version': 'v0' },
      needsInput: [],
    });
    // Route hostnames api.shop.example and *.shop.example: the exact name wins over the wildcard.
    expect(r?.host).toBe('api.shop.example');
    expect(r?.notes.join(' ')).toContain('also accepted: *.shop.example');
    // Only the web listener (sectionName) is a parent.
    expect(r).toMatchObject({ scheme: 'http', port: 80, listener: 'web' });
  });

  it('a simple RegularExpression path is sampled; a complex one is flagged for the user', () => {
    const [simple, complex] = build(1);
    expect(simple?.path).toMatch(/^\/items\/[0-9]+\/reviews$/);
    expect(simple?.needsInput).toEqual([]);
    expect(complex?.needsInput).toEqual([{ field: 'path', reason: expect.stringContaining('/(?!admin).*') }]);
  });

  it('a rule without matches is the spec default: PathPrefix "/", GET', () => {
    const [r] = build(3);
    expect(r).toMatchObject({ method: 'GET', path: '/', needsInput: [] });
    expect(r?.matchIndex).toBeUndefined();
  });

  it('a route attached to both listeners gives an http and an https request; no route hostnames → the listener wildcard', () => {
    const reqs = buildRequestsForRule(w.snapshot, w.status, 'HTTPRoute', 'default/both-listeners', 0);
    expect(reqs.map((r) => `${r.scheme}://${r.host}:${r.port}${r.path} ${r.listener}`).sort()).toEqual([
      'http://httpbin.shop.example:80/status web',
      'https://httpbin.shop.example:443/status secure',
    ]);
  });

  it('the engine says when another rule takes the built request (any PathPrefix beats a RegularExpression)', () => {
    // Spec (HTTPRouteRule.matches) precedence: path match type Exact, then PathPrefix, then
    // RegularExpression; rule 3's implicit PathPrefix "/" therefore captures rule 1's sample.
    const [sampled] = build(1);
    expect(sampled?.notes.join(' ')).toContain('routes this request to default/matches rule 3, not to this rule');
    const [prefix] = build(2);
    expect(prefix?.path).toBe('/legacy');
    expect(prefix?.notes.some((n) => n.includes('not to this rule'))).toBe(false);
  });
});
