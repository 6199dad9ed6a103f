/**
 * Field errors worded exactly as k8s.io/apimachinery `field.Error.ErrorBody()` prints them,
 * so `Status.details.causes` read like those of a real kube-apiserver.
 */
import type { FieldCause, Json } from '../types';

/** Sentinel for "value not printed" (Go's `omitValue`). */
const OMIT = Symbol('omit');

/** Go `%#v` of a decoded JSON value (`map[string]interface {}{"name":"a"}`), as kube prints compound values. */
export function goSharpV(v: Json): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  // Go prints map keys sorted.
  const keys = Object.keys(v).sort();
  return `map[string]interface {}{${keys.map((k) => `${JSON.stringify(k)}:${goSharpV(v[k] as Json)}`).join(', ')}}`;
}

/** The value part of an error body: strings quoted, simple scalars bare, compounds as `%#v`. */
function printValue(v: Json | typeof OMIT): string {
  if (v === OMIT) return '';
  if (v === null) return ': "null"';
  if (typeof v === 'string') return `: ${JSON.stringify(v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `: ${String(v)}`;
  return `: ${goSharpV(v)}`;
}

function cause(reason: string, field: string, typeString: string, value: Json | typeof OMIT, detail: string): FieldCause {
  const body = `${typeString}${printValue(value)}${detail ? `: ${detail}` : ''}`;
  return { reason, message: body, field: field === '' ? '<nil>' : field };
}

/** `field.Required`: "Required value[: detail]". */
export const required = (field: string, detail = ''): FieldCause =>
  cause('FieldValueRequired', field, 'Required value', OMIT, detail);

/** `field.Invalid`: `Invalid value: <value>: detail`. */
export const invalid = (field: string, value: Json, detail: string): FieldCause =>
  cause('FieldValueInvalid', field, 'Invalid value', value, detail);

/** `field.TypeInvalid`: same wording as Invalid, distinct reason. */
export const typeInvalid = (field: string, value: Json, detail: string): FieldCause =>
  cause('FieldValueTypeInvalid', field, 'Invalid value', value, detail);

/** `field.NotSupported`: `Unsupported value: "Foo": supported values: "A", "B"`. */
export const notSupported = (field: string, value: Json, supported: string[]): FieldCause =>
  cause(
    'FieldValueNotSupported',
    field,
    'Unsupported value',
    value,
    supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '',
  );

/** `field.TooLong` (apimachinery ≥ 1.31 wording). */
export const tooLong = (field: string, max: number): FieldCause =>
  cause('FieldValueTooLong', field, 'Too long', OMIT, `may not be more than ${max} bytes`);

/** `field.TooMany`: `Too many: 17: must have at most 16 items`. */
export const tooMany = (field: string, actual: number, max: number): FieldCause =>
  cause('FieldValueTooMany', field, 'Too many', actual, `must have at most ${max} items`);

/** `field.Duplicate`: `Duplicate value: <value>`. */
export const duplicate = (field: string, value: Json): FieldCause =>
  cause('FieldValueDuplicate', field, 'Duplicate value', value, '');

/** `field.Forbidden`: `Forbidden: detail`. */
export const forbidden = (field: string, detail: string): FieldCause =>
  cause('FieldValueForbidden', field, 'Forbidden', OMIT, detail);

/** Path of a named child: `spec` + `port` → `spec.port`. */
export const child = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);
/** Path of a list element: `spec.listeners[0]`. */
export const index = (path: string, i: number): string => `${path}[${i}]`;
/** Path of a map entry (additionalProperties): `spec.labels[app]`, as `field.Path.Key`. */
export const key = (path: string, k: string): string => `${path}[${k}]`;
