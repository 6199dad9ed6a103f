/**
 * Test support: the HTTPRoute of the filter tests, one rule per filter under its own path
 * prefix, every backend an httpbin instance of the conformance infrastructure.
 */
import { backend, httpRoute } from './conformance';

/** One rule matching PathPrefix `prefix`, with `filters`, to infra-backend-v1 (or `backendRefs`). */
export function rule(
  prefix: string,
  filters: unknown[],
  backendRefs: unknown[] = [backend('infra-backend-v1')],
): Record<string, unknown> {
  // A redirect rule has no backendRefs (CEL rule of HTTPRouteRule).
  return {
    matches: [{ path: { type: 'PathPrefix', value: prefix } }],
    filters,
    ...(backendRefs.length > 0 ? { backendRefs } : {}),
  };
}

const headerOps = (prefix: string) => ({
  set: [{ name: 'X-Header-Set', value: prefix === 'req' ? 'set-overwrites-values' : 'set-value' }],
  add: [{ name: 'X-Header-Add', value: prefix === 'req' ? 'add-appends-values' : 'added' }],
  remove: ['X-Header-Remove'],
});

/** The filters HTTPRoute attached to `gateway` for `host`. */
export function filtersRoute(gateway: string, host: string): string {
  const backendFilter = { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Backend', value: 'v2' }] } };
  return httpRoute({
    name: 'filters',
    gateway,
    hostnames: [host],
    rules: [
      rule('/anything/req-headers', [{ type: 'RequestHeaderModifier', requestHeaderModifier: headerOps('req') }]),
      rule('/response-headers', [{ type: 'ResponseHeaderModifier', responseHeaderModifier: headerOps('resp') }]),
      rule('/anything/backend-headers', [], [backend('infra-backend-v2', { filters: [backendFilter] })]),
      rule(
        '/redirect-scheme',
        [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', hostname: 'example.org', statusCode: 301 } }],
        [],
      ),
      rule(
        '/redirect-port',
        [
          {
            type: 'RequestRedirect',
            requestRedirect: { port: 8083, path: { type: 'ReplaceFullPath', replaceFullPath: '/moved' } },
          },
        ],
        [],
      ),
      rule('/prefix/anything', [
        { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/anything' } } },
      ]),
      rule('/full', [
        {
          type: 'URLRewrite',
          urlRewrite: { hostname: 'rewritten.example.org', path: { type: 'ReplaceFullPath', replaceFullPath: '/anything/full' } },
        },
      ]),
      rule('/anything/mirror', [
        { type: 'RequestMirror', requestMirror: { backendRef: { name: 'mirror-recorder', port: 8000 } } },
      ]),
      { ...rule('/delay', []), timeouts: { request: '500ms' } },
    ],
  });
}
