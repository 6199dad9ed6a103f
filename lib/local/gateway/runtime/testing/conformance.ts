/**
 * Test support in the style of the Gateway API conformance suite: the
 * `gateway-conformance-infra` namespace with its backends, a Gateway without addresses (so it
 * gets its own provisioned loopback address), and a request helper aimed at that address.
 */
import { provisionedAddressFor } from '../provisioned-address';
import { send, type TestResponse } from './client';
import type { GatewayTestEnv } from './env';

/** The conformance suite's infrastructure namespace. */
export const INFRA_NS = 'gateway-conformance-infra';
/** The namespace of cross-namespace backends (conformance `gateway-conformance-app-backend`). */
export const APP_BACKEND_NS = 'gateway-conformance-app-backend';
/** A namespace for routes living apart from the Gateway (conformance `gateway-conformance-web-backend`). */
export const WEB_BACKEND_NS = 'gateway-conformance-web-backend';

/** A Gateway of the conformance infrastructure, reached on its provisioned address. */
export interface ConformanceGateway {
  name: string;
  address: string;
  /** Sends one HTTP request to port 80 (remapped to 10080). */
  get(host: string, path: string, headers?: Record<string, string>): Promise<TestResponse>;
  /** The httpbin instance that answered, or undefined when the gateway answered itself. */
  instanceOf(res: TestResponse): string | undefined;
}

/** Namespaces plus httpbin backends `infra-backend-v1..v3` (infra) and `app-backend-v1` (app-backend). */
export async function setUpInfra(env: GatewayTestEnv): Promise<void> {
  const ns = [INFRA_NS, APP_BACKEND_NS, WEB_BACKEND_NS].map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  }));
  await env.apply(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: ns }));
  for (const v of ['v1', 'v2', 'v3']) await env.addHttpbinService(INFRA_NS, `infra-backend-${v}`);
  await env.addHttpbinService(APP_BACKEND_NS, 'app-backend-v1');
  await env.addHttpbinService(WEB_BACKEND_NS, 'web-backend');
}

/** Applies a Gateway `name` in the infra namespace with `listenersYaml` (indented list items). */
export async function conformanceGateway(env: GatewayTestEnv, name: string, listenersYaml: string): Promise<ConformanceGateway> {
  await env.apply(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: ${INFRA_NS}
spec:
  gatewayClassName: istio
  listeners:
${listenersYaml}`);
  const address = provisionedAddressFor(`${INFRA_NS}/${name}`);
  return {
    name,
    address,
    get: (host, path, headers) => send({ address, port: 10080, host, path, ...(headers ? { headers } : {}) }),
    // httpbin stamps every answer (even its own 404) with the instance name; the gateway's own answers carry none.
    instanceOf: (res) => {
      const v = res.headers['x-httpbin-instance'];
      return typeof v === 'string' ? v : undefined;
    },
  };
}

/** An HTTPRoute manifest attached to `gateway` (optionally one listener), in `namespace`. */
export function httpRoute(opts: {
  name: string;
  namespace?: string;
  gateway: string;
  sectionName?: string;
  hostnames?: string[];
  rules: unknown[];
}): string {
  return JSON.stringify({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: opts.name, namespace: opts.namespace ?? INFRA_NS },
    spec: {
      parentRefs: [{ name: opts.gateway, namespace: INFRA_NS, ...(opts.sectionName ? { sectionName: opts.sectionName } : {}) }],
      ...(opts.hostnames ? { hostnames: opts.hostnames } : {}),
      rules: opts.rules,
    },
  });
}

/** A backendRef to Service `name` port 8000. */
export function backend(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, port: 8000, ...extra };
}
