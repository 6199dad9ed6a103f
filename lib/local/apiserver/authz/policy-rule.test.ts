/**
 * The RBAC rule matcher, case by case from the Kubernetes RBAC documentation
 * (https://kubernetes.io/docs/reference/access-authn-authz/rbac/): verbs and `*`, API groups
 * ("" is core), resources with subresources and `*\/sub`, resourceNames (which cannot limit list
 * or create), and nonResourceURLs with a trailing `*`.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_USER } from '../authn/user';
import type { Attributes } from './attributes';
import { ruleAllows, type PolicyRule } from './policy-rule';

const res = (verb: string, apiGroup: string, resource: string, extra: Partial<Attributes> = {}): Attributes => ({
  user: ADMIN_USER,
  verb,
  resourceRequest: true,
  path: '',
  namespace: 'default',
  apiGroup,
  apiVersion: 'v1',
  resource,
  subresource: '',
  name: '',
  ...extra,
});
const url = (verb: string, path: string): Attributes => ({ ...res(verb, '', ''), resourceRequest: false, path });
const GW = 'gateway.networking.k8s.io';

describe('ruleAllows: resource requests', () => {
  const viewRoutes: PolicyRule = { apiGroups: [GW], resources: ['httproutes'], verbs: ['get', 'list', 'watch'] };

  it('matches the listed verbs only', () => {
    expect(ruleAllows(res('get', GW, 'httproutes'), viewRoutes)).toBe(true);
    expect(ruleAllows(res('watch', GW, 'httproutes'), viewRoutes)).toBe(true);
    expect(ruleAllows(res('update', GW, 'httproutes'), viewRoutes)).toBe(false);
    expect(ruleAllows(res('deletecollection', GW, 'httproutes'), viewRoutes)).toBe(false);
  });

  it('matches "*" verbs, groups and resources', () => {
    const all: PolicyRule = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] };
    expect(ruleAllows(res('delete', GW, 'gateways'), all)).toBe(true);
    expect(ruleAllows(res('patch', '', 'secrets', { subresource: 'status' }), all)).toBe(true);
  });

  it('needs the API group: "" is the core group and does not cover others', () => {
    const core: PolicyRule = { apiGroups: [''], resources: ['services'], verbs: ['get'] };
    expect(ruleAllows(res('get', '', 'services'), core)).toBe(true);
    expect(ruleAllows(res('get', GW, 'services'), core)).toBe(false);
    expect(ruleAllows(res('get', GW, 'httproutes'), { ...viewRoutes, apiGroups: undefined })).toBe(false);
  });

  it('treats a subresource as its own resource: httproutes does not grant httproutes/status', () => {
    const status = res('update', GW, 'httproutes', { subresource: 'status', name: 'r' });
    expect(ruleAllows(status, { apiGroups: [GW], resources: ['httproutes'], verbs: ['update'] })).toBe(false);
    expect(ruleAllows(status, { apiGroups: [GW], resources: ['httproutes/status'], verbs: ['update'] })).toBe(true);
    expect(ruleAllows(status, { apiGroups: [GW], resources: ['*/status'], verbs: ['update'] })).toBe(true);
    expect(ruleAllows(res('update', GW, 'httproutes'), { apiGroups: [GW], resources: ['*/status'], verbs: ['update'] })).toBe(
      false,
    );
    expect(ruleAllows(status, { apiGroups: [GW], resources: ['*/scale'], verbs: ['update'] })).toBe(false);
  });

  it('limits by resourceNames, which a list or a create (no name) never satisfies', () => {
    const one: PolicyRule = {
      apiGroups: [''],
      resources: ['configmaps'],
      resourceNames: ['my-config'],
      verbs: ['get', 'list', 'create'],
    };
    expect(ruleAllows(res('get', '', 'configmaps', { name: 'my-config' }), one)).toBe(true);
    expect(ruleAllows(res('get', '', 'configmaps', { name: 'other' }), one)).toBe(false);
    expect(ruleAllows(res('list', '', 'configmaps'), one)).toBe(false);
    expect(ruleAllows(res('create', '', 'configmaps'), one)).toBe(false);
    // A list narrowed to one object by fieldSelector=metadata.name carries the name.
    expect(ruleAllows(res('list', '', 'configmaps', { name: 'my-config' }), one)).toBe(true);
  });

  it('never lets a non-resource rule grant a resource', () => {
    expect(ruleAllows(res('get', '', 'pods'), { nonResourceURLs: ['*'], verbs: ['*'] })).toBe(false);
  });
});

describe('ruleAllows: non-resource URLs', () => {
  const discovery: PolicyRule = { nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'], verbs: ['get'] };

  it('matches exact paths and prefixes ending in "*"', () => {
    expect(ruleAllows(url('get', '/version'), discovery)).toBe(true);
    expect(ruleAllows(url('get', '/apis'), discovery)).toBe(true);
    expect(ruleAllows(url('get', '/apis/gateway.networking.k8s.io/v1'), discovery)).toBe(true);
    expect(ruleAllows(url('get', '/api/v1'), discovery)).toBe(true);
    expect(ruleAllows(url('get', '/openapi/v3'), discovery)).toBe(false);
    expect(ruleAllows(url('get', '/versionx'), discovery)).toBe(false);
  });

  it('uses the lower-case HTTP method as the verb', () => {
    expect(ruleAllows(url('post', '/version'), discovery)).toBe(false);
    expect(ruleAllows(url('post', '/anything'), { nonResourceURLs: ['*'], verbs: ['*'] })).toBe(true);
  });

  it('never lets a resource rule grant a URL', () => {
    expect(ruleAllows(url('get', '/version'), { apiGroups: ['*'], resources: ['*'], verbs: ['*'] })).toBe(false);
  });
});
