/**
 * Test support: the seed scenario (walkthrough's HTTP and HTTPS setup) as a
 * snapshot, and its topology model as the engine computes it.
 */
// Test support only (imported by *.test.ts, never by the pipeline): reading fixture files is the point.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { readFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import path from 'node:path';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import { snapshotFromYaml } from '@/lib/gateway-api/snapshot-input';
import { buildTopology } from '@/lib/gateway-api/topology';
import type { Snapshot } from '@/lib/gateway-api/types';
import type { ViewModel } from '../types';

const engineFixture = (n: string) => readFileSync(path.join(__dirname, '..', '..', 'gateway-api', '__fixtures__', n), 'utf8');

/** The seed cluster with gateway-http.yaml and gateway-https.yaml applied, plus `extraYaml`. */
export function seedSnapshot(...extraYaml: string[]): Snapshot {
  return snapshotFromYaml(
    engineFixture('seed-cluster.yaml'),
    engineFixture('seed-http.yaml'),
    engineFixture('seed-https.yaml'),
    ...extraYaml,
  );
}

/** The engine's topology of a snapshot, with the controllers of the classes present (as the console computes it). */
export function modelOf(s: Snapshot): ViewModel {
  const controllerNames = s.gatewayClasses.map((c) => c.spec.controllerName);
  return buildTopology(s, computeStatus(s, { controllerNames, now: '2026-01-01T00:00:00Z' }));
}
