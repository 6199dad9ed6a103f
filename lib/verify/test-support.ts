/**
 * Test support: the seed cluster and verification fixtures as engine inputs.
 * Used by this folder's tests only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import { compileRoutes, type RouteTable } from '@/lib/gateway-api/routing';
import { snapshotFromYaml } from '@/lib/gateway-api/test-support';
import type { EngineStatus, Snapshot } from '@/lib/gateway-api/types';

const ENGINE_FIXTURES = path.join(__dirname, '..', 'gateway-api', '__fixtures__');

/** A YAML fixture: from this folder's `__fixtures__`, or the engine's seed files. */
export function fixture(name: string): string {
  const own = path.join(__dirname, '__fixtures__', name);
  try {
    return readFileSync(own, 'utf8');
  } catch {
    return readFileSync(path.join(ENGINE_FIXTURES, name), 'utf8');
  }
}

/** Snapshot, engine status and compiled table of the given fixtures (seed cluster always included). */
export function world(...names: string[]): { snapshot: Snapshot; status: EngineStatus; table: RouteTable } {
  const snapshot = snapshotFromYaml(fixture('seed-cluster.yaml'), ...names.map(fixture));
  const status = computeStatus(snapshot, { controllerNames: ['istio.io/gateway-controller'], now: '2026-01-01T00:00:00Z' });
  return { snapshot, status, table: compileRoutes(snapshot, status) };
}
