/**
 * `compileSchema`: turns a CRD version's `openAPIV3Schema` into a reusable validator that prunes,
 * defaults and validates custom resources in kube-apiserver's order
 * (decode+prune → default → OpenAPI schema → list-type sets/maps → CEL rules).
 */
import type { FieldCause, JsonObject, SchemaNode } from '../types';
import { applyDefaults } from './defaults';
import { invalid } from './field-errors';
import { validateListTypes } from './list-type';
import { buildNode, markRules, type CNode } from './node';
import { pruneRoot } from './prune';
import { validateValue } from './schema-validate';
import { validateCel } from './cel-walk';
import { compileRule } from './cel/rules';

/** What `validate` returns. */
export interface ValidationResult {
  /** The pruned and defaulted object (the input is not modified). */
  object: JsonObject;
  /** Field errors: non-empty means 422 Invalid. */
  causes: FieldCause[];
  /** `unknown field "spec.foo"` warnings (fieldValidation=Warn only). */
  warnings: string[];
  /**
   * Paths of unknown fields that were pruned, whatever the mode. With fieldValidation=Strict a
   * non-empty list means the request must be refused with 400 BadRequest and
   * {@link strictDecodingMessage}, before any 422: that is the order of a real server.
   */
  unknownFields: string[];
}

/** Options of one validation. */
export interface ValidateOptions {
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
}

/** A schema compiled once, used for every write of its kind. */
export interface CompiledValidator {
  /** Prunes, defaults and validates a write; `old` is the stored object on update (enables transition rules). */
  validate(obj: JsonObject, old: JsonObject | undefined, opts: ValidateOptions): ValidationResult;
  /**
   * Returns a defaulted copy. kube-apiserver also defaults when reading from storage, which is how a
   * Gateway created without status (status is dropped on create) shows the CRD's default conditions.
   */
  withDefaults(obj: JsonObject): JsonObject;
}

/** One CEL rule that does not compile. */
export interface RuleCompileError {
  /** Schema path as kube prints it: `openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule`. */
  path: string;
  rule: string;
  message: string;
}

/** Thrown by {@link compileSchema}; `errors` lists every rule that failed. */
export class SchemaCompileError extends Error {
  constructor(readonly errors: RuleCompileError[]) {
    super(errors.map((e) => `${e.path}: Invalid value: ${JSON.stringify(e.rule)}: ${e.message}`).join('\n'));
    this.name = 'SchemaCompileError';
  }
}

/** The 400 message of a strict decoding failure, as kube-apiserver words it. */
export function strictDecodingMessage(unknownFields: string[]): string {
  return `strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`;
}

/** Errors after which kube skips CEL rules (customresource strategy `hasBlockingErr`). */
const BLOCKING = new Set([
  'FieldValueNotSupported',
  'FieldValueRequired',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'FieldValueTypeInvalid',
]);

function attachRules(node: CNode, path: string, root: boolean, errors: RuleCompileError[]): void {
  (node.schema['x-kubernetes-validations'] ?? []).forEach((rule, i) => {
    try {
      node.rules.push(compileRule(node.schema, rule, root));
    } catch (e) {
      errors.push({
        path: `${path}.x-kubernetes-validations[${i}].rule`,
        rule: rule.rule,
        message: e instanceof Error ? e.message : String(e),
      });
    }
  });
  for (const [k, c] of node.props ?? []) attachRules(c, `${path}.properties[${k}]`, false, errors);
  if (node.additional) attachRules(node.additional, `${path}.additionalProperties`, false, errors);
  if (node.items) attachRules(node.items, `${path}.items`, false, errors);
  node.allOf.forEach((c, i) => attachRules(c, `${path}.allOf[${i}]`, root, errors));
}

const cache = new WeakMap<SchemaNode, CompiledValidator>();

/**
 * Compiles a CRD version's full `openAPIV3Schema` (cached per schema object).
 * @throws SchemaCompileError listing every CEL rule that does not compile.
 */
export function compileSchema(schema: SchemaNode): CompiledValidator {
  const hit = cache.get(schema);
  if (hit) return hit;
  const root = buildNode(schema);
  const errors: RuleCompileError[] = [];
  attachRules(root, 'openAPIV3Schema', true, errors);
  if (errors.length) throw new SchemaCompileError(errors);
  markRules(root);
  const validator: CompiledValidator = {
    validate(input, old, opts) {
      const object = structuredClone(input);
      const unknownFields = pruneRoot(object, root);
      applyDefaults(object, root);
      const causes: FieldCause[] = [];
      validateValue(object, root, '', causes);
      validateListTypes(object, root, '', causes);
      if (causes.some((c) => BLOCKING.has(c.reason))) {
        causes.push(
          invalid(
            '',
            null,
            'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
          ),
        );
      } else {
        validateCel(object, old, root, '', new WeakMap(), causes);
      }
      const warnings = opts.fieldValidation === 'Warn' ? unknownFields.map((f) => `unknown field "${f}"`) : [];
      return { object, causes, warnings, unknownFields };
    },
    withDefaults(input) {
      const object = structuredClone(input);
      applyDefaults(object, root);
      return object;
    },
  };
  cache.set(schema, validator);
  return validator;
}
