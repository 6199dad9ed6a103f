import { describe, expect, it } from 'vitest';
import { explainFailure, parseApiPath, rbacVerb } from './error-messages';
import { describeError } from './errors';
import { K8sApiError } from './request';

// Bodies as kube-apiserver sends them (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go).
const forbiddenList = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message:
    'httproutes.gateway.networking.k8s.io is forbidden: User "system:serviceaccount:prod:viewer" cannot list resource "httproutes" in API group "gateway.networking.k8s.io" in the namespace "prod"',
  reason: 'Forbidden',
  details: { group: 'gateway.networking.k8s.io', kind: 'httproutes' },
  code: 403,
};

describe('parseApiPath', () => {
  it('reads group, version, namespace, resource and name', () => {
    expect(parseApiPath('/apis/gateway.networking.k8s.io/v1/namespaces/prod/httproutes/web')).toEqual({
      group: 'gateway.networking.k8s.io',
      version: 'v1',
      namespace: 'prod',
      resource: 'httproutes',
      name: 'web',
    });
    expect(parseApiPath('/api/v1/services?watch=true')).toEqual({ group: '', version: 'v1', resource: 'services' });
    expect(parseApiPath('/apis/gateway.networking.k8s.io/v1/gatewayclasses')).toEqual({
      group: 'gateway.networking.k8s.io',
      version: 'v1',
      resource: 'gatewayclasses',
    });
    expect(parseApiPath('/healthz')).toBeUndefined();
  });
});

describe('rbacVerb', () => {
  it('maps HTTP methods to RBAC verbs as the authorizer does', () => {
    expect(rbacVerb('GET', false)).toBe('list');
    expect(rbacVerb('GET', true)).toBe('get');
    expect(rbacVerb('GET', false, true)).toBe('watch');
    expect(rbacVerb('POST', false)).toBe('create');
    expect(rbacVerb('PUT', true)).toBe('update');
    expect(rbacVerb('PATCH', true)).toBe('patch');
    expect(rbacVerb('DELETE', true)).toBe('delete');
    expect(rbacVerb('DELETE', false)).toBe('deletecollection');
  });
});

describe('explainFailure', () => {
  it('names the refused verb, resource and namespace from the Forbidden message', () => {
    const text = explainFailure({ code: 403, message: forbiddenList.message, details: forbiddenList.details });
    expect(text).toMatch(/^you cannot list httproutes in namespace prod: forbidden\./);
    expect(text).toContain('"list" on httproutes.gateway.networking.k8s.io in prod');
    expect(text).toContain('system:serviceaccount:prod:viewer');
    expect(text).toContain('Role');
  });

  it('derives verb and resource from the request when the message does not say (e.g. a webhook denial)', () => {
    const text = explainFailure({
      code: 403,
      message: 'admission webhook denied',
      method: 'DELETE',
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/istio-system/gateways/gateway',
    });
    expect(text).toMatch(/^you cannot delete gateways in namespace istio-system: forbidden\./);
  });

  it('says cluster scope for cluster-scoped resources and asks for a ClusterRole', () => {
    const text = explainFailure({
      code: 403,
      method: 'GET',
      path: '/apis/gateway.networking.k8s.io/v1/gatewayclasses',
      watch: true,
    });
    expect(text).toMatch(/^you cannot watch gatewayclasses at cluster scope: forbidden\./);
    expect(text).toContain('ClusterRole');
  });

  it('explains 401 as credentials to refresh', () => {
    expect(explainFailure({ code: 401, message: 'Unauthorized' })).toMatch(/401 Unauthorized.*Refresh the kubeconfig/);
  });

  it('names the missing Gateway API CRD and the seed remedy on a 404 for a collection', () => {
    const text = explainFailure({
      code: 404,
      message: 'the server could not find the requested resource',
      method: 'GET',
      path: '/apis/gateway.networking.k8s.io/v1/grpcroutes',
    });
    expect(text).toContain('CRD grpcroutes.gateway.networking.k8s.io (v1) is not installed');
    expect(text).toContain('ACK add-ons page');
  });

  it('says a missing ASMMeshConfig CRD means this is not the mesh instance', () => {
    const text = explainFailure({ code: 404, path: '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs' });
    expect(text).toContain('not an ASM mesh instance');
  });

  it('keeps the API message for a missing object (404 with a name)', () => {
    const message = 'httproutes.gateway.networking.k8s.io "web" not found';
    const text = explainFailure({
      code: 404,
      message,
      details: { name: 'web' },
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/prod/httproutes/web',
    });
    expect(text).toBe(message);
  });

  it('says what to check when the API server cannot be reached', () => {
    expect(explainFailure({ network: 'ECONNREFUSED' })).toMatch(/refused the connection: is the cluster running/);
    expect(explainFailure({ network: 'ECONNRESET' })).toMatch(/reconnects/);
  });
});

describe('describeError', () => {
  it('explains a K8sApiError thrown by k8sRequest from its Status and request', () => {
    const err = new K8sApiError(403, 'Forbidden', forbiddenList.message, forbiddenList.details, {
      method: 'GET',
      path: '/apis/gateway.networking.k8s.io/v1/namespaces/prod/httproutes',
    });
    expect(describeError(err)).toMatch(/^you cannot list httproutes in namespace prod: forbidden/);
  });

  it('reads a Status body carried by a client-node ApiException, with the watch hint', () => {
    const err = Object.assign(new Error('HTTP-Code: 403'), {
      code: 403,
      body: JSON.stringify({ ...forbiddenList, message: 'forbidden' }),
    });
    expect(describeError(err, { path: '/apis/gateway.networking.k8s.io/v1/namespaces/prod/httproutes', watch: true })).toMatch(
      /^you cannot watch httproutes in namespace prod: forbidden/,
    );
  });

  it('recognizes a refused connection in the error cause and a request timeout', () => {
    const refused = Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(describeError(refused)).toMatch(/refused the connection/);
    expect(describeError(new Error('no answer from 127.0.0.1:6443 within 15 s'))).toMatch(/did not answer in time/);
  });

  it('never returns more than the first line of a message', () => {
    expect(describeError(new Error('first line\n    at stack (file.ts:1:1)'))).toBe('first line');
  });
});
