/** drawTopology draws what buildTopology builds from the computed status, for the seed and its broken variants. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../compute-status';
import { referenceGrant, service } from '../test-builders';
import { snapshotFromYaml } from '../test-support';
import type { Snapshot } from '../types';
import { buildTopology } from './build-topology';
import { drawTopology } from './draw-topology';
import { GraphBuilder } from './graph-builder';

const fixture = (n: string) => readFileSync(path.join(__dirname, '..', '__fixtures__', n), 'utf8');
const seed = (): Snapshot =>
  snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml'), fixture('seed-https.yaml'));
const opts = { controllerNames: ['istio.io/gateway-controller'], now: 'T' };

function both(s: Snapshot) {
  const g = new GraphBuilder();
  drawTopology(s, opts, g);
  return { drawn: g.build(), built: buildTopology(s, computeStatus(s, opts)) };
}

describe('drawTopology', () => {
  it('draws the seed exactly as buildTopology builds it', () => {
    const { drawn, built } = both(seed());
    expect(drawn.nodes.length).toBeGreaterThan(5);
    expect(drawn).toEqual(built);
  });

  it('draws missing backends, rejected attachments, missing parents and cross-namespace grants alike', () => {
    const s = seed();
    s.services = s.services.filter((x) => x.metadata.name !== 'httpbin');
    const http = s.httpRoutes.find((x) => x.metadata.name === 'http');
    if (http) http.spec.hostnames = ['example.org'];
    const https = s.httpRoutes.find((x) => x.metadata.name === 'httpbin-https');
    if (https) {
      https.spec.parentRefs = [...(https.spec.parentRefs ?? []), { name: 'nowhere', namespace: 'istio-system' }];
      if (https.spec.rules?.[0]) https.spec.rules[0].backendRefs = [{ name: 'store', namespace: 'data', port: 8000 }];
    }
    s.services.push(service('data', 'store', [8000]));
    s.referenceGrants.push(referenceGrant('data', 'default', 'HTTPRoute', 'Service'));
    const { drawn, built } = both(s);
    expect(built.edges.some((e) => e.kind === 'rejected')).toBe(true);
    expect(built.nodes.some((n) => n.kind === 'missing')).toBe(true);
    expect(drawn).toEqual(built);
  });
});
