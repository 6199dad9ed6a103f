/**
 * kube-apiserver semantics on a small custom schema: pruning per fieldValidation, preserved unknown
 * fields, nested defaults, transition rules, messageExpression / reason / fieldPath, Kubernetes CEL
 * libraries, int-or-string, nullable and formats.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject, SchemaNode } from '../types';
import { compileSchema, strictDecodingMessage } from './index';

const schema: SchemaNode = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', default: 1, minimum: 0 },
        mode: { type: 'string', enum: ['A', 'B'] },
        port: { 'x-kubernetes-int-or-string': true },
        note: { type: 'string', nullable: true },
        ip: { type: 'string', format: 'ipv4' },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'string' } } },
        labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 3 } },
        tier: {
          type: 'object',
          default: {},
          properties: { name: { type: 'string', default: 'gold' }, size: { type: 'integer', default: 3 } },
        },
        owner: {
          type: 'string',
          'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'owner is immutable' }],
        },
        counter: {
          type: 'integer',
          'x-kubernetes-validations': [
            {
              rule: 'self >= oldSelf',
              messageExpression: "'counter may not go down from ' + string(oldSelf)",
              reason: 'FieldValueForbidden',
            },
          ],
        },
        endpoints: {
          type: 'array',
          items: { type: 'string' },
          'x-kubernetes-validations': [
            { rule: 'self.all(e, isIP(e) || isCIDR(e))', messageExpression: "'bad endpoint count ' + string(size(self))" },
            {
              rule: 'self.all(e, !isCIDR(e) || cidr(e).prefixLength() >= 8)',
              message: 'prefix too short',
              reason: 'FieldValueRequired',
            },
          ],
        },
        urls: {
          type: 'array',
          items: {
            type: 'string',
            'x-kubernetes-validations': [{ rule: "isURL(self) && url(self).getScheme() == 'https'", message: 'https only' }],
          },
        },
        names: {
          type: 'array',
          items: {
            type: 'string',
            'x-kubernetes-validations': [
              {
                rule: '!format.dns1123Label().validate(self).hasValue()',
                messageExpression: 'format.dns1123Label().validate(self).value()[0]',
              },
            ],
          },
        },
      },
      'x-kubernetes-validations': [
        {
          rule: "!has(self.mode) || self.mode != 'B' || has(self.note)",
          message: 'note is required for mode B',
          fieldPath: '.note',
          reason: 'FieldValueRequired',
        },
        { rule: 'self.replicas <= 10', message: 'too many replicas' },
      ],
    },
  },
};

const validator = compileSchema(schema);
const obj = (spec: JsonObject): JsonObject => ({
  apiVersion: 'x.io/v1',
  kind: 'Thing',
  metadata: { name: 't', uid: 'keep' },
  spec,
});

describe('unknown fields', () => {
  const input = obj({ replicas: 2, bogus: 1, tier: { name: 'x', junk: true }, extra: { known: 'k', anything: { deep: 1 } } });

  it('Ignore drops them silently', () => {
    const r = validator.validate(input, undefined, { fieldValidation: 'Ignore' });
    expect(r.object.spec).not.toHaveProperty('bogus');
    expect((r.object.spec as JsonObject).tier).toEqual({ name: 'x', size: 3 });
    expect(r.warnings).toEqual([]);
    expect(r.unknownFields).toEqual(['spec.bogus', 'spec.tier.junk']);
    expect(r.causes).toEqual([]);
  });

  it('Warn drops them and warns per field', () => {
    expect(validator.validate(input, undefined, { fieldValidation: 'Warn' }).warnings).toEqual([
      'unknown field "spec.bogus"',
      'unknown field "spec.tier.junk"',
    ]);
  });

  it('Strict reports them for a 400 strict decoding error', () => {
    const r = validator.validate(input, undefined, { fieldValidation: 'Strict' });
    expect(strictDecodingMessage(r.unknownFields)).toBe(
      'strict decoding error: unknown field "spec.bogus", unknown field "spec.tier.junk"',
    );
  });

  it('keeps fields under x-kubernetes-preserve-unknown-fields and all of metadata', () => {
    const r = validator.validate(input, undefined, { fieldValidation: 'Strict' });
    expect((r.object.spec as JsonObject).extra).toEqual({ known: 'k', anything: { deep: 1 } });
    expect(r.object.metadata).toEqual({ name: 't', uid: 'keep' });
  });
});

describe('defaults', () => {
  it('defaults missing properties, then nested properties of the defaulted object', () => {
    const r = validator.validate(obj({}), undefined, { fieldValidation: 'Strict' });
    expect(r.object.spec).toEqual({ replicas: 1, tier: { name: 'gold', size: 3 } });
  });
  it('defaults a null non-nullable property but keeps null where nullable', () => {
    const r = validator.validate(obj({ replicas: null, note: null }), undefined, { fieldValidation: 'Strict' });
    expect((r.object.spec as JsonObject).replicas).toBe(1);
    expect((r.object.spec as JsonObject).note).toBeNull();
    expect(r.causes).toEqual([]);
  });
});

describe('schema checks', () => {
  const causes = (spec: JsonObject) => validator.validate(obj(spec), undefined, { fieldValidation: 'Strict' }).causes;
  it('accepts int-or-string either way and refuses other types', () => {
    expect(causes({ port: 80 })).toEqual([]);
    expect(causes({ port: 'http' })).toEqual([]);
    expect(causes({ port: true })[0]).toEqual({
      field: 'spec.port',
      reason: 'FieldValueTypeInvalid',
      message: 'Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
    });
  });
  it('checks formats and additionalProperties values', () => {
    expect(causes({ ip: '10.0.0.256' })[0]).toEqual({
      field: 'spec.ip',
      reason: 'FieldValueTypeInvalid',
      message: 'Invalid value: "10.0.0.256": spec.ip in body must be of type ipv4: "10.0.0.256"',
    });
    expect(causes({ labels: { app: 'toolong' } })[0]).toEqual({
      field: 'spec.labels.app',
      reason: 'FieldValueTooLong',
      message: 'Too long: may not be more than 3 bytes',
    });
  });
  it('refuses null where not nullable', () => {
    expect(causes({ mode: null })[0]?.reason).toBe('FieldValueTypeInvalid');
  });
});

describe('CEL rules', () => {
  const v = (spec: JsonObject, old?: JsonObject) =>
    validator.validate(obj(spec), old && obj(old), { fieldValidation: 'Strict' }).causes;

  it('uses fieldPath and reason', () => {
    expect(v({ mode: 'B' })).toEqual([
      { field: 'spec.note', reason: 'FieldValueRequired', message: 'Required value: note is required for mode B' },
    ]);
    expect(v({ mode: 'B', note: 'n' })).toEqual([]);
  });

  it('reports at the node with its type', () => {
    expect(v({ replicas: 11 })).toEqual([
      { field: 'spec', reason: 'FieldValueInvalid', message: 'Invalid value: "object": too many replicas' },
    ]);
  });

  it('runs transition rules only on update with an old value', () => {
    expect(v({ owner: 'a' })).toEqual([]);
    expect(v({ owner: 'a' }, { owner: 'a' })).toEqual([]);
    expect(v({ owner: 'b' }, { owner: 'a' })).toEqual([
      { field: 'spec.owner', reason: 'FieldValueInvalid', message: 'Invalid value: "string": owner is immutable' },
    ]);
    expect(v({ owner: 'b' }, {})).toEqual([]);
  });

  it('evaluates messageExpression, with oldSelf-free activation, and Forbidden reason', () => {
    expect(v({ counter: 1 }, { counter: 5 })).toEqual([
      { field: 'spec.counter', reason: 'FieldValueForbidden', message: 'Forbidden: counter may not go down from 5' },
    ]);
  });

  it('supports the Kubernetes ip, cidr, url and format libraries', () => {
    expect(v({ endpoints: ['10.0.0.1', '2001:db8::/32', '10.0.0.0/16'] })).toEqual([]);
    expect(v({ endpoints: ['10.0.0.1', 'nope'] })).toEqual([
      { field: 'spec.endpoints', reason: 'FieldValueInvalid', message: 'Invalid value: "array": bad endpoint count 2' },
    ]);
    expect(v({ endpoints: ['10.0.0.0/4'] })).toEqual([
      { field: 'spec.endpoints', reason: 'FieldValueRequired', message: 'Required value: prefix too short' },
    ]);
    expect(v({ urls: ['https://a.example.com/x', 'http://b.example.com'] })).toEqual([
      { field: 'spec.urls[1]', reason: 'FieldValueInvalid', message: 'Invalid value: "string": https only' },
    ]);
    expect(v({ names: ['ok-name', 'Bad_Name'] })).toEqual([
      {
        field: 'spec.names[1]',
        reason: 'FieldValueInvalid',
        message: expect.stringContaining('Invalid value: "string": a lowercase RFC 1123 label must consist of'),
      },
    ]);
  });
});

describe('ratcheting on update (CRDValidationRatcheting, KEP-4008)', () => {
  const v = (spec: JsonObject, old?: JsonObject) =>
    validator.validate(obj(spec), old && obj(old), { fieldValidation: 'Strict' }).causes;
  const small = compileSchema({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          x: {
            type: 'string',
            'x-kubernetes-validations': [
              { rule: 'self != oldSelf', message: 'must change' },
              { rule: "self.startsWith('a')", message: 'must start with a' },
            ],
          },
          y: { type: 'string', 'x-kubernetes-validations': [{ rule: "self.matches('(?i)^[a-z]+$')", message: 'letters only' }] },
          other: { type: 'string' },
        },
      },
    },
  });
  const sv = (spec: JsonObject, old?: JsonObject) =>
    small.validate({ spec }, old && { spec: old }, { fieldValidation: 'Strict' }).causes.map((c) => `${c.field}: ${c.message}`);

  it('does not re-report a failing rule on a value the update leaves unchanged', () => {
    // A value stored before the rule was tightened stays writable while nobody touches it.
    expect(v({ urls: ['http://b.example.com'], mode: 'A' }, { urls: ['http://b.example.com'] })).toEqual([]);
    expect(sv({ x: 'b', other: 'changed' }, { x: 'b', other: 'before' })).toEqual([
      'spec.x: Invalid value: "string": must change',
    ]);
  });

  it('validates a changed value fully, including list items that cannot be correlated', () => {
    expect(
      v({ urls: ['http://b.example.com', 'http://c.example.com'] }, { urls: ['http://b.example.com'] }).map((c) => c.field),
    ).toEqual(['spec.urls[0]', 'spec.urls[1]']);
    expect(sv({ x: 'c' }, { x: 'b' })).toEqual(['spec.x: Invalid value: "string": must start with a']);
  });

  it('still runs transition rules on unchanged values, and every rule on create', () => {
    expect(sv({ x: 'abc' }, { x: 'abc' })).toEqual(['spec.x: Invalid value: "string": must change']);
    expect(sv({ x: 'b' })).toEqual(['spec.x: Invalid value: "string": must start with a']);
  });

  it('gives the same verdicts when values repeat across objects (remembered passes)', () => {
    for (let i = 0; i < 3; i++) {
      expect(sv({ y: 'abc' })).toEqual([]);
      expect(sv({ y: 'abc1' })).toEqual(['spec.y: Invalid value: "string": letters only']);
      expect(v({ endpoints: ['10.0.0.1', 'nope'] }).map((c) => c.message)).toEqual([
        'Invalid value: "array": bad endpoint count 2',
      ]);
      expect(v({ endpoints: ['10.0.0.1'] })).toEqual([]);
    }
  });

  it('matches() honours RE2 inline flags', () => {
    expect(sv({ y: 'AbC' })).toEqual([]);
    expect(sv({ y: 'a1' })).toEqual(['spec.y: Invalid value: "string": letters only']);
  });
});

describe('speed', () => {
  it('compiles once per schema object and validates an HTTPRoute-sized object quickly', async () => {
    expect(compileSchema(schema)).toBe(validator);
    const { schemaOf } = await import('./__fixtures__/crds');
    const { seedHttpsRoute } = await import('./__fixtures__/objects');
    const route = compileSchema(schemaOf('v1.1.0', 'HTTPRoute', 'v1'));
    const o = seedHttpsRoute();
    for (let i = 0; i < 200; i++) route.validate(o, undefined, { fieldValidation: 'Strict' });
    const n = 1000;
    const t = performance.now();
    for (let i = 0; i < n; i++) route.validate(o, undefined, { fieldValidation: 'Strict' });
    const perRoute = (performance.now() - t) / n;
    console.log(`HTTPRoute validation: ${perRoute.toFixed(3)} ms`);
    // Generous bound: a shared CI machine must not flake; the typical figure is well under 1 ms.
    expect(perRoute).toBeLessThan(10);
  });
});
