/** The mesh sizes the generator and the benchmarks know. */
export type MeshSize = 'small' | 'medium' | 'large';

/** How many of each object a size generates. */
export interface MeshShape {
  /** Team namespaces holding Gateways, routes and Services. */
  namespaces: number;
  gateways: number;
  routes: number;
  services: number;
}

/**
 * small is the seed scenario's scale (a couple of Gateways, a few dozen routes); medium is the 200 routes a team
 * console shows daily; large is the platform-team case from the scale issue (10,000 routes behind 1,000 Gateways).
 */
export const MESH_SIZES: Readonly<Record<MeshSize, MeshShape>> = {
  small: { namespaces: 2, gateways: 2, routes: 20, services: 40 },
  medium: { namespaces: 10, gateways: 20, routes: 200, services: 400 },
  large: { namespaces: 50, gateways: 1_000, routes: 10_000, services: 20_000 },
};

/** Whether a string names a size (command-line input arrives untyped). */
export function isMeshSize(value: string): value is MeshSize {
  return Object.hasOwn(MESH_SIZES, value);
}
