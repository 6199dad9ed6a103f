/**
 * The patch algorithms of the local API server: JSON merge patch, JSON patch, strategic merge
 * patch, server-side apply and the managed-fields bookkeeping of ordinary writes. Pure functions
 * over JSON; every failure is an ApiError carrying the real server's code and reason.
 */
export { applyJsonMergePatch } from './json-merge-patch';
export { applyJsonPatch } from './json-patch';
export { applyStrategicMergePatch } from './strategic-merge-patch';
export { serverSideApply, type ServerSideApplyParams } from './server-side-apply';
export { recordUpdate, type RecordUpdateParams } from './record-update';
export { FieldSet, type FieldPath, type PathElement } from './field-set';
export { toFieldSet, compare, type Comparison } from './field-set-build';
export { formatPath } from './path-format';
