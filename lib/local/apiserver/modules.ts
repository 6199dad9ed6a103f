/**
 * The one seam between the server core and the modules written beside it: patching and
 * managedFields, schema/CEL validation, built-in kinds, OpenAPI documents.
 */
import { builtinResources as builtinKinds } from './builtin/index';
import { accessReviewDefs } from './reviews/defs';
import type { ResourceDef } from './types';

export { applyJsonMergePatch, applyJsonPatch, applyStrategicMergePatch, recordUpdate, serverSideApply } from './patch/index';
export { compileSchema, strictDecodingMessage, type CompiledValidator, type ValidationResult } from './validation/index';
export { crdToResourceDefs } from './builtin/index';
export { handleOpenApi } from './openapi/index';

/** The built-in kinds plus the create-only review kinds (TokenReview, SelfSubjectAccessReview …). */
export const builtinResources = (): ResourceDef[] => [...builtinKinds(), ...accessReviewDefs];
