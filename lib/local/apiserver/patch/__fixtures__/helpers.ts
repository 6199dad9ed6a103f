/** Small helpers shared by the patch tests: catching ApiErrors and reading managed fields. */
import type { Json, JsonObject } from '../../types';
import { ApiError } from '../../types';

export const T0 = '2026-03-01T10:00:00Z';
export const T1 = '2026-03-01T11:00:00Z';
export const T2 = '2026-03-01T12:00:00Z';

/** Runs `fn` and returns the ApiError it throws; fails the test when it throws nothing. */
export function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

export const meta = (o: JsonObject): JsonObject => o.metadata as JsonObject;
export const spec = (o: JsonObject): JsonObject => o.spec as JsonObject;
export const managed = (o: JsonObject): JsonObject[] => (meta(o).managedFields ?? []) as JsonObject[];
export const entry = (o: JsonObject, manager: string): JsonObject | undefined => managed(o).find((e) => e.manager === manager);
export const fieldsOf = (o: JsonObject, manager: string): Json | undefined => entry(o, manager)?.fieldsV1;

/** A minimal apply body for the seed's HTTPRoute `http`. */
export const routeConfig = (specFields: JsonObject): JsonObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'http', namespace: 'default' },
  spec: specFields,
});
