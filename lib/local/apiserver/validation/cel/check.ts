/**
 * A static checker for CRD validation rules. @bufbuild/cel 0.6 parses and evaluates but does not
 * type-check, so this walks the parsed AST with types derived from the schema and reports the errors
 * kube-apiserver reports when a CRD is created: undeclared references, undefined fields, unknown
 * functions or overloads, and rules that cannot evaluate to bool.
 */
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { SIGNATURES } from './signatures';
import { BOOL, BYTES, DOUBLE, DYN, INT, NULL, STRING, UINT, listOf, mapOf, typeName, type CelT } from './types';

/** One checker error, located by source offset. */
export interface CheckIssue {
  offset: number;
  message: string;
}

type Scope = Map<string, CelT>;

const COMPARE = new Set(['_<_', '_<=_', '_>_', '_>=_']);
const ARITH = new Set(['_+_', '_-_', '_*_', '_/_', '_%_']);

function isAssignable(a: CelT, b: CelT): boolean {
  if (a.k === 'dyn' || b.k === 'dyn') return true;
  if (a.k !== b.k) return false;
  if (a.k === 'prim' && b.k === 'prim') return a.n === b.n;
  if (a.k === 'list' && b.k === 'list') return isAssignable(a.e, b.e);
  if (a.k === 'map' && b.k === 'map') return isAssignable(a.key, b.key) && isAssignable(a.v, b.v);
  if (a.k === 'obj' && b.k === 'obj') return a.name === b.name;
  return a.k === 'opaque' && b.k === 'opaque' && a.n === b.n;
}

const isNum = (t: CelT): boolean => t.k === 'prim' && (t.n === 'int' || t.n === 'uint' || t.n === 'double');

/** Checks `expr` with `vars` in scope; returns its type and every issue found. */
export function checkExpr(expr: Expr, vars: Scope, positions: Record<string, number>): { type: CelT; issues: CheckIssue[] } {
  const issues: CheckIssue[] = [];
  const at = (e: Expr): number => positions[String(e.id)] ?? 0;
  const fail = (e: Expr, message: string): CelT => {
    issues.push({ offset: at(e), message });
    return DYN;
  };

  const qualified = (e: Expr): string | undefined => {
    if (e.exprKind.case === 'identExpr') return e.exprKind.value.name;
    if (e.exprKind.case === 'selectExpr' && !e.exprKind.value.testOnly && e.exprKind.value.operand) {
      const q = qualified(e.exprKind.value.operand);
      return q === undefined ? undefined : `${q}.${e.exprKind.value.field}`;
    }
    return undefined;
  };

  const selectField = (e: Expr, operand: CelT, field: string): CelT => {
    switch (operand.k) {
      case 'dyn':
        return DYN;
      case 'map':
        return operand.v;
      case 'obj': {
        const f = operand.fields.get(field);
        return f ? f() : fail(e, `undefined field '${field}'`);
      }
      default:
        return fail(e, `type '${typeName(operand)}' does not support field selection`);
    }
  };

  const visit = (e: Expr, scope: Scope): CelT => {
    const k = e.exprKind;
    switch (k.case) {
      case 'constExpr': {
        const c = k.value.constantKind.case;
        return c === 'boolValue'
          ? BOOL
          : c === 'int64Value'
            ? INT
            : c === 'uint64Value'
              ? UINT
              : c === 'doubleValue'
                ? DOUBLE
                : c === 'stringValue'
                  ? STRING
                  : c === 'bytesValue'
                    ? BYTES
                    : c === 'nullValue'
                      ? NULL
                      : DYN;
      }
      case 'identExpr': {
        const t = scope.get(k.value.name);
        return t ?? fail(e, `undeclared reference to '${k.value.name}' (in container '')`);
      }
      case 'selectExpr': {
        const q = qualified(e);
        if (q !== undefined && !scope.has(q.split('.')[0] ?? '') && SIGNATURES[q]) return DYN;
        if (!k.value.operand) return DYN;
        const operand = visit(k.value.operand, scope);
        const t = selectField(e, operand, k.value.field);
        return k.value.testOnly ? BOOL : t;
      }
      case 'callExpr':
        return visitCall(e, k.value.function, k.value.target, k.value.args, scope);
      case 'listExpr': {
        const elems = k.value.elements.map((x) => visit(x, scope));
        const first = elems[0];
        return listOf(first && elems.every((t) => isAssignable(t, first) && t.k === first.k) ? first : DYN);
      }
      case 'structExpr': {
        if (k.value.messageName) return fail(e, `undeclared reference to '${k.value.messageName}' (in container '')`);
        let kt: CelT = DYN;
        let vt: CelT = DYN;
        k.value.entries.forEach((en, i) => {
          const kk = en.keyKind.case === 'mapKey' ? visit(en.keyKind.value, scope) : STRING;
          const vv = en.value ? visit(en.value, scope) : DYN;
          if (i === 0) {
            kt = kk;
            vt = vv;
          }
        });
        return mapOf(kt, vt);
      }
      case 'comprehensionExpr': {
        const c = k.value;
        const range = c.iterRange ? visit(c.iterRange, scope) : DYN;
        let iter: CelT = DYN;
        let iter2: CelT = DYN;
        if (range.k === 'list') {
          iter = c.iterVar2 ? INT : range.e;
          iter2 = range.e;
        } else if (range.k === 'map') {
          iter = range.key;
          iter2 = range.v;
        } else if (range.k !== 'dyn')
          fail(
            c.iterRange as Expr,
            `expression of type '${typeName(range)}' cannot be range of a comprehension (must be list, map, or dynamic)`,
          );
        const accu = c.accuInit ? visit(c.accuInit, scope) : DYN;
        const inner: Scope = new Map(scope);
        inner.set(c.iterVar, iter);
        if (c.iterVar2) inner.set(c.iterVar2, iter2);
        // An empty-list accumulator takes the element type of what the step appends (filter/map macros).
        inner.set(c.accuVar, accu.k === 'list' && accu.e.k === 'dyn' && range.k === 'list' ? listOf(range.e) : accu);
        if (c.loopCondition) visit(c.loopCondition, inner);
        if (c.loopStep) visit(c.loopStep, inner);
        return c.result ? visit(c.result, inner) : DYN;
      }
      default:
        return DYN;
    }
  };

  const visitCall = (e: Expr, fnName: string, target: Expr | undefined, argExprs: Expr[], scope: Scope): CelT => {
    // Qualified global functions: `format.dns1123Label()`, `optional.none()`.
    if (target) {
      const q = qualified(target);
      if (q !== undefined && !scope.has(q.split('.')[0] ?? '') && SIGNATURES[`${q}.${fnName}`]) {
        return resolve(
          e,
          `${q}.${fnName}`,
          undefined,
          argExprs.map((a) => visit(a, scope)),
        );
      }
    }
    const t = target ? visit(target, scope) : undefined;
    const args = argExprs.map((a) => visit(a, scope));
    const a0 = args[0] ?? DYN;
    const a1 = args[1] ?? DYN;
    switch (fnName) {
      case '_&&_':
      case '_||_':
      case '!_':
      case '@not_strictly_false':
      case '__not_strictly_false__':
        for (const [i, a] of args.entries())
          if (!isAssignable(a, BOOL))
            fail(
              argExprs[i] as Expr,
              `found no matching overload for '${fnName}' applied to '(${args.map(typeName).join(', ')})'`,
            );
        return BOOL;
      case '_==_':
      case '_!=_':
        if (
          !isAssignable(a0, a1) &&
          !(isNum(a0) && isNum(a1)) &&
          a0 !== NULL &&
          a1 !== NULL &&
          !(a0.k === 'prim' && a0.n === 'null_type') &&
          !(a1.k === 'prim' && a1.n === 'null_type')
        ) {
          return fail(e, `found no matching overload for '${fnName}' applied to '(${typeName(a0)}, ${typeName(a1)})'`);
        }
        return BOOL;
      case '_?_:_': {
        const [c, x, y] = args;
        if (c && !isAssignable(c, BOOL))
          fail(e, `found no matching overload for '_?_:_' applied to '(${args.map(typeName).join(', ')})'`);
        return x && y && isAssignable(x, y) ? (x.k === 'dyn' ? y : x) : DYN;
      }
      case '@in':
        if (a1.k !== 'dyn' && a1.k !== 'list' && a1.k !== 'map')
          return fail(e, `found no matching overload for '@in' applied to '(${typeName(a0)}, ${typeName(a1)})'`);
        return BOOL;
      case '_[_]':
      case '_[?_]':
        if (a0.k === 'list') return a0.e;
        if (a0.k === 'map') return a0.v;
        if (a0.k === 'dyn') return DYN;
        return fail(e, `found no matching overload for '_[_]' applied to '(${typeName(a0)}, ${typeName(a1)})'`);
      case '-_':
        return a0;
    }
    if (COMPARE.has(fnName)) {
      if (!isAssignable(a0, a1) && !(isNum(a0) && isNum(a1)))
        return fail(e, `found no matching overload for '${fnName}' applied to '(${typeName(a0)}, ${typeName(a1)})'`);
      return BOOL;
    }
    if (ARITH.has(fnName)) {
      if (!isAssignable(a0, a1) && !(fnName === '_+_' && a0.k === 'list' && a1.k === 'list')) {
        return fail(e, `found no matching overload for '${fnName}' applied to '(${typeName(a0)}, ${typeName(a1)})'`);
      }
      return a0.k === 'dyn' ? a1 : a0;
    }
    return resolve(e, fnName, t, args);
  };

  const resolve = (e: Expr, name: string, target: CelT | undefined, args: CelT[]): CelT => {
    const sigs = SIGNATURES[name];
    if (!sigs) return fail(e, `undeclared reference to '${name}' (in container '')`);
    for (const sig of sigs) {
      const r = sig(target, args);
      if (r) return r;
    }
    const recv = target ? `${typeName(target)}.` : '';
    return fail(e, `found no matching overload for '${name}' applied to '${recv}(${args.map(typeName).join(', ')})'`);
  };

  const type = visit(expr, vars);
  return { type, issues };
}
