/**
 * Test helper: minimal valid Gateway API objects, and the seed document's objects
 * (Alibaba Cloud ASM "Define routing rules with Gateway API", steps 3 and 4).
 */
import type { JsonObject } from '../../types';

const meta = (name: string, namespace = 'default'): JsonObject => ({ name, namespace });

/** A Gateway with one HTTP listener. */
export const gateway = (apiVersion = 'gateway.networking.k8s.io/v1'): JsonObject => ({
  apiVersion, kind: 'Gateway', metadata: meta('gw'),
  spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
});

/** An HTTPRoute with one rule to a Service. */
export const httpRoute = (apiVersion = 'gateway.networking.k8s.io/v1'): JsonObject => ({
  apiVersion, kind: 'HTTPRoute', metadata: meta('route'),
  spec: {
    parentRefs: [{ name: 'gw' }],
    rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/get' } }], backendRefs: [{ name: 'httpbin', port: 8000 }] }],
  },
});

/** A GRPCRoute with one method match. */
export const grpcRoute = (): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', metadata: meta('grpc'),
  spec: {
    parentRefs: [{ name: 'gw' }],
    rules: [{ matches: [{ method: { service: 'helloworld.Greeter', method: 'SayHello' } }], backendRefs: [{ name: 'greeter', port: 50051 }] }],
  },
});

/** A ReferenceGrant letting HTTPRoutes of `default` reach Services of `backends`. */
export const referenceGrant = (): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: meta('allow', 'backends'),
  spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] },
});

/** Seed step 3: the HTTP Gateway bound to the ASM ingress gateway. */
export const seedHttpGateway = (): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'Gateway', metadata: meta('gateway', 'istio-system'),
  spec: {
    addresses: [{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }],
    gatewayClassName: 'istio',
    listeners: [{ name: 'default', hostname: '*.aliyun.com', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }],
  },
});

/** Seed step 3: the HTTPRoute to httpbin. */
export const seedHttpRoute = (): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'HTTPRoute', metadata: meta('http'),
  spec: {
    parentRefs: [{ name: 'gateway', namespace: 'istio-system' }],
    hostnames: ['*.aliyun.com'],
    rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/get' } }], backendRefs: [{ name: 'httpbin', port: 8000 }] }],
  },
});

/** Seed step 4: the HTTPS Gateway terminating TLS with `myexample-credential`. */
export const seedHttpsGateway = (): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'Gateway', metadata: meta('gateway-https', 'istio-system'),
  spec: {
    addresses: [{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }],
    gatewayClassName: 'istio',
    listeners: [{
      name: 'https', hostname: '*.aliyun.com', port: 443, protocol: 'HTTPS',
      tls: { mode: 'Terminate', certificateRefs: [{ name: 'myexample-credential' }] },
      allowedRoutes: { namespaces: { from: 'All' } },
    }],
  },
});

/** Seed step 4: the HTTPS HTTPRoute with two matches. */
export const seedHttpsRoute = (): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'HTTPRoute', metadata: meta('httpbin-https'),
  spec: {
    parentRefs: [{ name: 'gateway-https', namespace: 'istio-system' }],
    hostnames: ['*.aliyun.com'],
    rules: [{
      matches: [{ path: { type: 'PathPrefix', value: '/status' } }, { path: { type: 'PathPrefix', value: '/delay' } }],
      backendRefs: [{ name: 'httpbin', port: 8000 }],
    }],
  },
});
