/**
 * Shared shapes of the local API server: what a served resource is, and the error a
 * module raises so the HTTP layer can answer with a Kubernetes `Status`.
 */

/** A JSON value as stored and served. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One OpenAPI v3 schema node as found in a CRD's `openAPIV3Schema` (structural subset). */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  required?: string[];
  enum?: Json[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  default?: Json;
  nullable?: boolean;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  not?: SchemaNode;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  /** Strategic merge patch metadata, as the built-in kinds publish it in their OpenAPI. */
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-validations'?: Array<{
    rule: string;
    message?: string;
    messageExpression?: string;
    reason?: string;
    fieldPath?: string;
    optionalOldSelf?: boolean;
  }>;
}

/** A printer column as a CRD declares it (`additionalPrinterColumns`). */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

/**
 * One resource the server serves at one group/version: a built-in kind or a CRD version.
 * `group` is '' for the core group.
 */
export interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  /** Plural, lower case: the path segment (`httproutes`). */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Whether this version is the one objects are stored in (CRD `storage: true`). */
  storage: boolean;
  subresources: { status: boolean };
  printerColumns: PrinterColumn[];
  /** Full object schema (apiVersion, kind, metadata, spec, status …); undefined = accept anything. */
  schema?: SchemaNode;
  /** True for kinds defined by a CRD (strategic merge patch is refused for these, as on a real server). */
  custom: boolean;
}

/** One field-level cause, as in `Status.details.causes`. */
export interface FieldCause {
  /** e.g. `FieldValueInvalid`, `FieldValueRequired`, `FieldValueNotSupported`, `FieldValueTooLong`, `FieldValueForbidden`, `FieldValueDuplicate`, `FieldValueTypeInvalid` */
  reason: string;
  message: string;
  /** Dotted path with indices, as the real server prints it: `spec.listeners[0].hostname`. */
  field: string;
}

/** Raised anywhere in the server; the HTTP layer turns it into a `Status` response. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: { name?: string; group?: string; kind?: string; causes?: FieldCause[]; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
