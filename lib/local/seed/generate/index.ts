/** Generated meshes for benchmarks and demos: build one ({@link generateMesh}), then create it ({@link fillMesh}). */
export { fillMesh, type FillOptions, type FillResult } from './fill';
export { BROKEN_SHARE, gatewayName, generateMesh, objectCount, routeName } from './mesh';
export type { BrokenObject, BrokenReason, GeneratedMesh, GenerateOptions } from './mesh';
export { GENERATED_LABEL, teamNamespace } from './objects';
export { isMeshSize, MESH_SIZES, type MeshShape, type MeshSize } from './sizes';
