/**
 * Helpers for declaring a built-in kind as a {@link ResourceDef}.
 */
import type { PrinterColumn, ResourceDef, SchemaNode } from '../types';

/** Every verb the server implements, in the order discovery lists them on a real cluster. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** The `Age` column the server's table printer appends to most kinds. */
export const AGE_COLUMN: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

/** The fields of a built-in kind; the rest is defaulted. */
export interface BuiltinSpec {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  status?: boolean;
  printerColumns: PrinterColumn[];
  schema: SchemaNode;
}

/** Builds a built-in {@link ResourceDef}: served and stored at its only version, never custom. */
export function builtin(spec: BuiltinSpec): ResourceDef {
  return {
    group: spec.group,
    version: spec.version,
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    plural: spec.plural,
    singular: spec.kind.toLowerCase(),
    namespaced: spec.namespaced,
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    verbs: spec.verbs ?? ALL_VERBS,
    storage: true,
    subresources: { status: spec.status ?? false },
    printerColumns: spec.printerColumns,
    schema: spec.schema,
    custom: false,
  };
}
