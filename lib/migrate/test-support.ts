/**
 * Shared inputs of the migration tests: the Services of a cluster like the seed's, and the
 * targets of the three Gateway API bundles Portico ships.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIstioYaml } from './parse';
import type { IstioObject, MigrationTarget, ServiceInfo } from './types';

/** The seed's ingress gateway plus the bookinfo and httpbin Services. */
export const SERVICES: ServiceInfo[] = [
  {
    name: 'istio-ingressgateway',
    namespace: 'istio-system',
    labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    selector: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    ports: [{ port: 80 }, { port: 443 }, { port: 8080 }],
  },
  { name: 'productpage', namespace: 'default', selector: { app: 'productpage' }, ports: [{ port: 9080, name: 'http' }] },
  { name: 'reviews', namespace: 'default', selector: { app: 'reviews' }, ports: [{ port: 9080, name: 'http' }] },
  { name: 'httpbin', namespace: 'default', selector: { app: 'httpbin' }, ports: [{ port: 8000, name: 'http' }] },
  { name: 'echo', namespace: 'other', selector: { app: 'echo' }, ports: [{ port: 8080 }, { port: 9090 }] },
];

/** Gateway API v1.1 (ASM 1.22): v1, GRPCRoute, no timeouts/retry/CORS in the standard channel. */
export const V1_1: MigrationTarget = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  gatewayClassName: 'istio',
  grpcRoute: true,
  timeouts: false,
  retry: false,
  cors: false,
  mirrorPercent: false,
};

/** The newest bundle (v1.6 standard): timeouts, CORS, mirror percent, TCPRoute and TLSRoute v1. */
export const NEWEST: MigrationTarget = {
  ...V1_1,
  timeouts: true,
  cors: true,
  mirrorPercent: true,
  tcpRoute: 'gateway.networking.k8s.io/v1',
  tlsRoute: 'gateway.networking.k8s.io/v1',
};

/** Gateway API v0.6 (ASM 1.18): v1beta1 only, no GRPCRoute. */
export const V0_6: MigrationTarget = { ...V1_1, apiVersion: 'gateway.networking.k8s.io/v1beta1', grpcRoute: false };

/** Parses a fixture of `__fixtures__/`. */
export function fixture(name: string): IstioObject[] {
  return parseIstioYaml(readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8')).objects;
}
