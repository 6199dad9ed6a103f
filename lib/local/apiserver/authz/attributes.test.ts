/**
 * Request attributes as kube-apiserver's RequestInfoFactory derives them: verbs from the method
 * and the path shape, namespaces, subresources, and which paths are non-resource requests.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_USER } from '../authn/user';
import { parseApiPath } from '../paths';
import { requestAttributes } from './attributes';

const attrs = (method: string, url: string) => {
  const u = new URL(url, 'https://x');
  return requestAttributes(ADMIN_USER, method, u.pathname, u.searchParams, parseApiPath(u.pathname));
};
const pick = (method: string, url: string) => {
  const a = attrs(method, url);
  return [a.verb, a.apiGroup, a.resource, a.subresource, a.namespace, a.name].join('|');
};
const ROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';

describe('requestAttributes', () => {
  it('maps methods to verbs on objects and collections', () => {
    expect(pick('GET', `${ROUTES}/r`)).toBe('get|gateway.networking.k8s.io|httproutes||default|r');
    expect(pick('GET', ROUTES)).toBe('list|gateway.networking.k8s.io|httproutes||default|');
    expect(pick('GET', `${ROUTES}?watch=true`)).toBe('watch|gateway.networking.k8s.io|httproutes||default|');
    expect(pick('GET', `${ROUTES}?watch=1`)).toBe('watch|gateway.networking.k8s.io|httproutes||default|');
    expect(pick('POST', ROUTES)).toBe('create|gateway.networking.k8s.io|httproutes||default|');
    expect(pick('PUT', `${ROUTES}/r`)).toBe('update|gateway.networking.k8s.io|httproutes||default|r');
    expect(pick('PATCH', `${ROUTES}/r`)).toBe('patch|gateway.networking.k8s.io|httproutes||default|r');
    expect(pick('DELETE', `${ROUTES}/r`)).toBe('delete|gateway.networking.k8s.io|httproutes||default|r');
    expect(pick('DELETE', ROUTES)).toBe('deletecollection|gateway.networking.k8s.io|httproutes||default|');
  });

  it('authorizes a list or watch of one object (fieldSelector metadata.name) on its name', () => {
    expect(pick('GET', `${ROUTES}?watch=true&fieldSelector=metadata.name%3Dr`)).toBe(
      'watch|gateway.networking.k8s.io|httproutes||default|r',
    );
    expect(pick('GET', `${ROUTES}?fieldSelector=metadata.name%3D%3Dr`)).toBe(
      'list|gateway.networking.k8s.io|httproutes||default|r',
    );
  });

  it('names subresources, all-namespace lists and namespaces themselves', () => {
    expect(pick('PUT', `${ROUTES}/r/status`)).toBe('update|gateway.networking.k8s.io|httproutes|status|default|r');
    expect(pick('POST', '/api/v1/namespaces/ns1/serviceaccounts/sa/token')).toBe('create||serviceaccounts|token|ns1|sa');
    expect(pick('GET', '/apis/gateway.networking.k8s.io/v1/httproutes')).toBe('list|gateway.networking.k8s.io|httproutes|||');
    expect(pick('GET', '/api/v1/namespaces/prod')).toBe('get||namespaces||prod|prod');
    expect(pick('GET', '/api/v1/namespaces')).toBe('list||namespaces|||');
  });

  it('treats discovery, version and OpenAPI paths as non-resource requests with the method as verb', () => {
    for (const p of [
      '/version',
      '/api',
      '/api/v1',
      '/apis',
      '/apis/gateway.networking.k8s.io',
      '/apis/gateway.networking.k8s.io/v1',
      '/openapi/v3',
    ]) {
      const a = attrs('GET', p);
      expect(a.resourceRequest, p).toBe(false);
      expect(a.verb).toBe('get');
      expect(a.path).toBe(p);
    }
  });
});
