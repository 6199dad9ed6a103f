/**
 * The migration target read from the shipped Gateway API bundles' own CRDs: each bundle's
 * apiVersion and optional fields, as the API server of a cluster with that bundle would accept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestSchema, schemasFromCrds } from '@/lib/authoring/crd-schemas';
import { targetFromSchemas } from './target';

function targetOf(bundle: string) {
  const dir = path.join(process.cwd(), 'lib/local/crds/gateway-api', bundle);
  const crds = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS() as unknown));
  const kinds = schemasFromCrds(crds);
  return targetFromSchemas(kinds, manifestSchema(kinds));
}

describe('targetFromSchemas', () => {
  it('v0.6.0 (ASM 1.18): v1beta1, no GRPCRoute, none of the later fields', () => {
    expect(targetOf('v0.6.0')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      gatewayClassName: 'istio',
      grpcRoute: false,
      timeouts: false,
      retry: false,
      cors: false,
      mirrorPercent: false,
    });
  });

  it('v1.1.0 (ASM 1.22): v1 and GRPCRoute; timeouts are not in the standard channel yet', () => {
    expect(targetOf('v1.1.0')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      gatewayClassName: 'istio',
      grpcRoute: true,
      timeouts: false,
      retry: false,
      cors: false,
      mirrorPercent: false,
    });
  });

  it('the newest bundle: timeouts, CORS, mirror percent, TCPRoute and TLSRoute v1', () => {
    expect(targetOf('v1.6.1')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      gatewayClassName: 'istio',
      grpcRoute: true,
      timeouts: true,
      retry: false,
      cors: true,
      mirrorPercent: true,
      tcpRoute: 'gateway.networking.k8s.io/v1',
      tlsRoute: 'gateway.networking.k8s.io/v1',
    });
  });

  it('no HTTPRoute served: no target', () => {
    expect(targetFromSchemas([], manifestSchema([]))).toBeUndefined();
  });
});
