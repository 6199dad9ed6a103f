/**
 * The one seam between the server core and the modules written beside it: patching and
 * managedFields, schema/CEL validation, built-in kinds, OpenAPI documents.
 */
export { applyJsonMergePatch, applyJsonPatch, applyStrategicMergePatch, recordUpdate, serverSideApply } from './patch/index';
export { compileSchema, strictDecodingMessage, type CompiledValidator, type ValidationResult } from './validation/index';
export { builtinResources, crdToResourceDefs } from './builtin/index';
export { handleOpenApi } from './openapi/index';
