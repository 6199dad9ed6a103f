/**
 * The compiled form of a structural schema: one `CNode` per schema node, with child lookups,
 * patterns and CEL programs prepared once, so validating an object is a single cheap walk.
 */
import type { Json, SchemaNode } from '../types';
import type { CompiledRule } from './cel/rules';
import { re2 } from './regex';

/** A compiled schema node. */
export interface CNode {
  schema: SchemaNode;
  /** `integer,string` for int-or-string, as kube-openapi prints it. */
  typeLabel: string | undefined;
  props: Map<string, CNode> | undefined;
  /** additionalProperties schema (map values). */
  additional: CNode | undefined;
  items: CNode | undefined;
  /** Whether unknown fields below are kept (x-kubernetes-preserve-unknown-fields or additionalProperties: true). */
  preserveUnknown: boolean;
  embedded: boolean;
  pattern: RegExp | undefined;
  allOf: CNode[];
  anyOf: CNode[];
  oneOf: CNode[];
  not: CNode | undefined;
  rules: CompiledRule[];
  /** Whether this node or a descendant has CEL rules (skip walking rule-free subtrees). */
  hasRules: boolean;
  /** Whether this node or a descendant has a transition rule (one that reads oldSelf). */
  hasTransitionRules: boolean;
  /** Whether this node or a descendant declares a default. */
  hasDefaults: boolean;
  /** Property names (raw) with a default, for the defaulting pass. */
  defaulted: Array<[string, Json]>;
}

/** Compiles `schema` (without CEL; rules are attached by the caller) into a CNode tree. */
export function buildNode(schema: SchemaNode): CNode {
  const props = schema.properties ? new Map(Object.entries(schema.properties).map(([k, v]) => [k, buildNode(v)])) : undefined;
  const additional =
    schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? buildNode(schema.additionalProperties)
      : undefined;
  const items = schema.items ? buildNode(schema.items) : undefined;
  const sub = (xs: SchemaNode[] | undefined): CNode[] => (xs ?? []).map(buildNode);
  const children = [...(props?.values() ?? []), ...(additional ? [additional] : []), ...(items ? [items] : [])];
  const defaulted: Array<[string, Json]> = [];
  for (const [k, p] of Object.entries(schema.properties ?? {})) if (p.default !== undefined) defaulted.push([k, p.default]);
  const node: CNode = {
    schema,
    typeLabel: schema['x-kubernetes-int-or-string'] ? 'integer,string' : schema.type,
    props,
    additional,
    items,
    preserveUnknown: schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true,
    embedded: schema['x-kubernetes-embedded-resource'] === true,
    pattern: schema.pattern !== undefined ? re2(schema.pattern) : undefined,
    allOf: sub(schema.allOf),
    anyOf: sub(schema.anyOf),
    oneOf: sub(schema.oneOf),
    not: schema.not ? buildNode(schema.not) : undefined,
    rules: [],
    hasRules: false,
    hasTransitionRules: false,
    hasDefaults: defaulted.length > 0 || children.some((c) => c.hasDefaults),
    defaulted,
  };
  return node;
}

/** Recomputes `hasRules` and `hasTransitionRules` bottom-up after rules were attached. */
export function markRules(node: CNode): boolean {
  let any = node.rules.length > 0;
  let transition = node.rules.some((r) => r.usesOldSelf);
  const children = [
    ...(node.props?.values() ?? []),
    ...(node.additional ? [node.additional] : []),
    ...(node.items ? [node.items] : []),
    ...node.allOf,
  ];
  for (const c of children) {
    any = markRules(c) || any;
    transition ||= c.hasTransitionRules;
  }
  node.hasRules = any;
  node.hasTransitionRules = transition;
  return any;
}
