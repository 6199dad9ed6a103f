/**
 * Compiling and evaluating one node's `x-kubernetes-validations`, with kube-apiserver's semantics
 * (apiextensions-apiserver schema/cel/compilation.go and validation.go): transition rules only on update
 * when an old value exists, `optionalOldSelf`, `messageExpression`, `fieldPath` and `reason`.
 */
import { celEnv, isCelError, parse, plan, type CelValue } from '@bufbuild/cel';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import type { SchemaNode } from '../../types';
import { re2 } from '../regex';
import { checkExpr } from './check';
import { KUBE_CEL_FUNCS, optionalOf } from './library';
import { BOOL, STRING, opaque, schemaType, typeName, type CelT } from './types';

type Program = (ctx: Record<string, CelValue>) => unknown;
type Rule = NonNullable<SchemaNode['x-kubernetes-validations']>[number];

/** A rule ready to run. */
export interface CompiledRule {
  rule: Rule;
  program: Program;
  messageProgram: Program | undefined;
  usesOldSelf: boolean;
  /** `fieldPath` normalised to a dotted child path (`.spec.x` → `spec.x`), '' when absent. */
  fieldPath: string;
}

/**
 * `matches()` through the compiled-pattern cache: the engine's own `matches` compiles its RE2
 * pattern on every call, which was the largest single cost of validating a Gateway API object
 * (every hostname, path and header name rule is a regex). Same unanchored-search semantics.
 */
const ENV = celEnv({ funcs: KUBE_CEL_FUNCS, re2: { compile: (pattern: string) => re2(pattern) } });

function usesIdent(e: Expr | undefined, name: string): boolean {
  if (!e) return false;
  const k = e.exprKind;
  switch (k.case) {
    case 'identExpr':
      return k.value.name === name;
    case 'selectExpr':
      return usesIdent(k.value.operand, name);
    case 'callExpr':
      return usesIdent(k.value.target, name) || k.value.args.some((a) => usesIdent(a, name));
    case 'listExpr':
      return k.value.elements.some((a) => usesIdent(a, name));
    case 'structExpr':
      return k.value.entries.some(
        (en) => usesIdent(en.value, name) || (en.keyKind.case === 'mapKey' && usesIdent(en.keyKind.value, name)),
      );
    case 'comprehensionExpr': {
      const c = k.value;
      return [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result].some((x) => usesIdent(x, name));
    }
    default:
      return false;
  }
}

/** `<input>:line:col` of an offset, as cel-go prints locations. */
function location(src: string, offset: number): string {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `<input>:${line}:${col}`;
}

/** Parsed and planned programs by source: the same rules repeat across CRD versions and bundles. */
const planned = new Map<string, { parsed: ReturnType<typeof parse>; program: Program }>();

function parseAndPlan(src: string): { parsed: ReturnType<typeof parse>; program: Program } {
  let hit = planned.get(src);
  if (!hit) {
    let parsed;
    try {
      parsed = parse(src);
    } catch (e) {
      throw new Error(`compilation failed: ERROR: ${String(e instanceof Error ? e.message : e).replace(/^syntax error: /, '')}`);
    }
    hit = { parsed, program: plan(ENV, parsed) as unknown as Program };
    planned.set(src, hit);
  }
  return hit;
}

function compileExpr(src: string, vars: Map<string, CelT>, want: CelT, wantLabel: string): { program: Program; expr: Expr } {
  const { parsed, program } = parseAndPlan(src);
  const { type, issues } = checkExpr(
    parsed.expr,
    vars,
    Object.fromEntries(Object.entries(parsed.sourceInfo?.positions ?? {}).map(([k, v]) => [k, Number(v)])),
  );
  if (issues.length) {
    throw new Error(`compilation failed: ${issues.map((i) => `ERROR: ${location(src, i.offset)}: ${i.message}`).join('\n')}`);
  }
  if (type.k !== 'dyn' && typeName(type) !== typeName(want)) {
    throw new Error(`${wantLabel} must evaluate to ${typeName(want)}`);
  }
  return { program, expr: parsed.expr };
}

/** Compiles one rule of a node of `schema`; throws an Error worded like kube's compile errors. */
export function compileRule(schema: SchemaNode, rule: Rule, root: boolean): CompiledRule {
  const self = schemaType(schema, root);
  const vars = new Map<string, CelT>([
    ['self', self],
    ['oldSelf', rule.optionalOldSelf ? opaque('optional', self) : self],
  ]);
  const { program, expr } = compileExpr(rule.rule, vars, BOOL, 'cel expression');
  const usesOldSelf = usesIdent(expr, 'oldSelf');
  if (rule.optionalOldSelf && !usesOldSelf)
    throw new Error('optionalOldSelf should only be set for transition rules (rules that use oldSelf)');
  let messageProgram: Program | undefined;
  if (rule.messageExpression) {
    try {
      // kube compiles messageExpression with self and oldSelf declared, like the rule.
      messageProgram = compileExpr(rule.messageExpression, vars, STRING, 'messageExpression').program;
    } catch (e) {
      throw new Error(`messageExpression ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { rule, program, messageProgram, usesOldSelf, fieldPath: (rule.fieldPath ?? '').replace(/^\./, '') };
}

/** Outcome of one rule on one value: passed, failed with a detail, or errored. */
export type RuleOutcome = { ok: true } | { ok: false; detail: string } | { ok: false; error: string };

/** Runs a compiled rule. `old` is undefined when there is no correlated old value. */
export function runRule(r: CompiledRule, self: CelValue, old: CelValue | undefined): RuleOutcome | undefined {
  if (r.usesOldSelf && old === undefined && !r.rule.optionalOldSelf) return undefined; // transition rule on create
  const oldSelf = r.rule.optionalOldSelf ? optionalOf(old) : old;
  const ctx: Record<string, CelValue> = oldSelf === undefined ? { self } : { self, oldSelf };
  let result: unknown;
  try {
    result = r.program(ctx);
  } catch (e) {
    result = e instanceof Error ? e : new Error(String(e));
  }
  if (result === true) return { ok: true };
  if (isCelError(result) || result instanceof Error) {
    const msg = (result as Error).message;
    const ruleText = r.rule.message?.trim() || r.rule.rule.trim();
    if (msg.startsWith('found no matching overload') || msg.startsWith('no such overload')) {
      return {
        ok: false,
        error: `'no such overload': call arguments did not match a supported operator, function or macro signature for rule: ${ruleText}`,
      };
    }
    return { ok: false, error: `${msg.replace(/^field not found: /, 'no such key: ')} evaluating rule: ${ruleText}` };
  }
  if (r.messageProgram) {
    let m: unknown;
    try {
      m = r.messageProgram(old === undefined ? { self } : { self, oldSelf: old });
    } catch {
      m = undefined;
    }
    if (typeof m === 'string' && m.trim() !== '' && !/\n/.test(m.trim())) return { ok: false, detail: m.trim() };
  }
  return { ok: false, detail: r.rule.message?.trim() || `failed rule: ${r.rule.rule.trim()}` };
}
