/**
 * OpenAPI v3 value validation as kube-apiserver runs it for custom resources (k8s.io/kube-openapi
 * pkg/validation/validate, mapped to field errors by apiextensions-apiserver
 * `kubeOpenAPIResultToFieldErrors`): messages read `spec.port in body must be of type integer: "string"`.
 */
import type { FieldCause, Json } from '../types';
import { child, index, invalid, notSupported, required, tooLong, tooMany, typeInvalid } from './field-errors';
import { STRING_FORMATS } from './formats';
import type { CNode } from './node';

function jsonType(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i] as Json));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, Json>)[k] as Json, (b as Record<string, Json>)[k] as Json))
  );
}

/** kube-openapi prints the path as given; the root has no name. */
const inBody = (path: string): string => `${path === '' ? '.' : path} in body`;
/** Go `%v` of a float64 bound. */
const num = (n: number): string => String(n);

/** Validates `v` against `node`; appends causes. Returns whether `v` passed (for anyOf/oneOf/not). */
export function validateValue(v: Json, node: CNode, path: string, out: FieldCause[]): boolean {
  const before = out.length;
  const s = node.schema;
  if (v === null) {
    if (s.nullable || !node.typeLabel) return true;
    out.push(typeInvalid(path, 'null', `${inBody(path)} must be of type ${node.typeLabel}: "null"`));
    return false;
  }
  const t = jsonType(v);
  if (node.typeLabel) {
    const ok =
      node.typeLabel === 'integer,string'
        ? t === 'integer' || t === 'string'
        : node.typeLabel === 'number'
          ? t === 'number' || t === 'integer'
          : node.typeLabel === t;
    if (!ok) {
      out.push(typeInvalid(path, t, `${inBody(path)} must be of type ${node.typeLabel}: "${t}"`));
      return false;
    }
  }
  for (const sub of node.allOf) validateValue(v, sub, path, out);
  if (node.anyOf.length) {
    const results = node.anyOf.map((sub) => {
      const errs: FieldCause[] = [];
      return { ok: validateValue(v, sub, path, errs), errs };
    });
    if (!results.some((r) => r.ok)) {
      out.push(invalid('', '', `${path} must validate at least one schema (anyOf)`), ...(results[0]?.errs ?? []));
    }
  }
  if (node.oneOf.length) {
    const results = node.oneOf.map((sub) => {
      const errs: FieldCause[] = [];
      return { ok: validateValue(v, sub, path, errs), errs };
    });
    const valid = results.filter((r) => r.ok).length;
    if (valid !== 1) {
      out.push(
        invalid(
          '',
          '',
          `${path} must validate one and only one schema (oneOf). ${valid === 0 ? 'Found none valid' : `Found ${valid} valid alternatives`}`,
        ),
      );
      if (valid === 0) out.push(...(results.find((r) => r.errs.length)?.errs ?? []));
    }
  }
  if (node.not && validateValue(v, node.not, path, [])) out.push(invalid('', '', `${path} must not validate the schema (not)`));
  if (typeof v === 'string') {
    const len = [...v].length;
    if (s.maxLength !== undefined && len > s.maxLength) out.push(tooLong(path, s.maxLength));
    if (s.minLength !== undefined && len < s.minLength)
      out.push(invalid(path, v, `${inBody(path)} should be at least ${s.minLength} chars long`));
    if (node.pattern && !node.pattern.test(v)) out.push(invalid(path, v, `${inBody(path)} should match '${s.pattern}'`));
    const fmt = s.format !== undefined ? STRING_FORMATS[s.format] : undefined;
    if (fmt && !fmt(v)) out.push(typeInvalid(path, v, `${inBody(path)} must be of type ${s.format}: ${JSON.stringify(v)}`));
  } else if (typeof v === 'number') {
    if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) {
      out.push(
        invalid(path, v, `${inBody(path)} should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${num(s.maximum)}`),
      );
    }
    if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) {
      out.push(
        invalid(path, v, `${inBody(path)} should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${num(s.minimum)}`),
      );
    }
  } else if (Array.isArray(v)) {
    if (node.items) v.forEach((x, i) => validateValue(x, node.items as CNode, index(path, i), out));
    if (s.minItems !== undefined && v.length < s.minItems)
      out.push(invalid(path, v.length, `${inBody(path)} should have at least ${s.minItems} items`));
    if (s.maxItems !== undefined && v.length > s.maxItems) out.push(tooMany(path, v.length, s.maxItems));
  } else if (typeof v === 'object') {
    const n = Object.keys(v).length;
    if (s.maxProperties !== undefined && n > s.maxProperties) out.push(tooMany(path, n, s.maxProperties));
    if (s.minProperties !== undefined && n < s.minProperties)
      out.push(invalid(path, n, `${inBody(path)} should have at least ${s.minProperties} properties`));
    for (const k of s.required ?? []) if (!(k in v)) out.push(required(child(path, k)));
    for (const [k, x] of Object.entries(v)) {
      const sub = node.props?.get(k) ?? node.additional;
      if (sub) validateValue(x, sub, child(path, k), out);
    }
  }
  if (s.enum && !s.enum.some((e) => deepEqual(e, v))) {
    out.push(
      notSupported(
        path,
        v,
        s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
      ),
    );
  }
  return out.length === before;
}
