/**
 * Custom resource validation like kube-apiserver: pruning, defaulting, OpenAPI schema checks,
 * list-type uniqueness and CEL `x-kubernetes-validations` (with the Kubernetes CEL libraries).
 *
 * Usage by the HTTP layer, per write:
 * 1. `const r = compileSchema(version.schema.openAPIV3Schema).validate(body, oldObject, { fieldValidation })`
 * 2. Strict and `r.unknownFields.length` → 400 BadRequest `strictDecodingMessage(r.unknownFields)`.
 * 3. `r.causes.length` → 422 Invalid with `details.causes = r.causes`.
 * 4. Otherwise store `r.object`; send `r.warnings` as `Warning: 299 - "<w>"` headers.
 */
export {
  compileSchema,
  strictDecodingMessage,
  SchemaCompileError,
  type CompiledValidator,
  type RuleCompileError,
  type ValidateOptions,
  type ValidationResult,
} from './validator';
