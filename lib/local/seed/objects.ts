/**
 * The scenario the local cluster starts with (the ASM "Define routing rules with Gateway API"
 * walkthrough): namespaces, the `istio` GatewayClass, the pre-deployed ASM ingress gateway
 * Service, the httpbin Service and its EndpointSlice, and ASMMeshConfig `default`.
 */
import type { JsonObject } from '../apiserver/types';

/** Label that ties an EndpointSlice to its Service (discovery.k8s.io/v1). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The seeded ingress gateway pod (name as a Deployment's ReplicaSet would give it). */
export const INGRESS_GATEWAY_POD = 'istio-ingressgateway-5d8f7c9b6-x7k2p';

/** One object to create at an API path. */
export interface SeedObject {
  path: string;
  object: JsonObject;
}

const ns = (name: string): SeedObject => ({
  path: '/api/v1/namespaces',
  object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
});

/** Namespaces first: everything else lives in one. */
export function seedNamespaces(): SeedObject[] {
  return [ns('default'), ns('istio-system'), ns('kube-system')];
}

/** Objects created after the CRDs are served. `gatewayVersion` is the served Gateway API version to use. */
export function seedObjects(gatewayVersion: string): SeedObject[] {
  return [
    {
      path: '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs',
      object: {
        apiVersion: 'istio.alibabacloud.com/v1beta1',
        kind: 'ASMMeshConfig',
        metadata: { name: 'default' },
        spec: { enableGatewayAPI: false },
      },
    },
    {
      path: `/apis/gateway.networking.k8s.io/${gatewayVersion}/gatewayclasses`,
      object: {
        apiVersion: `gateway.networking.k8s.io/${gatewayVersion}`,
        kind: 'GatewayClass',
        metadata: { name: 'istio' },
        spec: {
          controllerName: 'istio.io/gateway-controller',
          description: 'The default Istio GatewayClass (ASM ingress gateway)',
        },
      },
    },
    {
      path: '/api/v1/namespaces/istio-system/services',
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'istio-ingressgateway',
          namespace: 'istio-system',
          labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
        },
        spec: {
          type: 'LoadBalancer',
          selector: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
          ports: [
            { name: 'http', port: 80, protocol: 'TCP', targetPort: 80 },
            { name: 'https', port: 443, protocol: 'TCP', targetPort: 443 },
          ],
        },
      },
    },
    {
      // The ingress gateway's pod, as its Deployment would have made it: what a console outside the
      // cluster port-forwards to (its status is written by seedCluster: Running and Ready).
      path: '/api/v1/namespaces/istio-system/pods',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: INGRESS_GATEWAY_POD,
          namespace: 'istio-system',
          labels: { app: 'istio-ingressgateway', istio: 'ingressgateway', 'pod-template-hash': '5d8f7c9b6' },
        },
        spec: {
          containers: [
            {
              name: 'istio-proxy',
              image: 'istio/proxyv2',
              ports: [
                { name: 'http', containerPort: 80, protocol: 'TCP' },
                { name: 'https', containerPort: 443, protocol: 'TCP' },
              ],
            },
          ],
        },
      },
    },
    {
      path: '/api/v1/namespaces/default/services',
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'httpbin', namespace: 'default', labels: { app: 'httpbin', service: 'httpbin' } },
        spec: { selector: { app: 'httpbin' }, ports: [{ name: 'http', port: 8000, protocol: 'TCP', targetPort: 80 }] },
      },
    },
  ];
}

/** Name of the EndpointSlice of the httpbin Service. */
export const HTTPBIN_SLICE = 'httpbin-local';

/** The httpbin EndpointSlice: the local httpbin process on 127.0.0.1:<port>. */
export function httpbinEndpointSlice(port: number): JsonObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: HTTPBIN_SLICE,
      namespace: 'default',
      labels: { [SERVICE_NAME_LABEL]: 'httpbin', 'endpointslice.kubernetes.io/managed-by': 'portico.local' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['127.0.0.1'], conditions: { ready: true, serving: true, terminating: false } }],
    ports: [{ name: 'http', port, protocol: 'TCP' }],
  };
}
