import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../types';
import { allCrdVersions } from './__fixtures__/crds';
import { compileSchema, SchemaCompileError } from './index';

function countRules(s: SchemaNode | undefined): number {
  if (!s) return 0;
  let n = s['x-kubernetes-validations']?.length ?? 0;
  for (const p of Object.values(s.properties ?? {})) n += countRules(p);
  if (typeof s.additionalProperties === 'object') n += countRules(s.additionalProperties);
  return n + countRules(s.items);
}

describe('CEL rules of the shipped Gateway API CRDs', () => {
  const versions = allCrdVersions();

  it('reads every bundle (v0.6.0, v1.1.0, v1.6.1; standard and experimental)', () => {
    const bundles = new Set(versions.map((v) => v.bundle));
    expect([...bundles].sort()).toEqual([
      'v0.6.0',
      'v0.6.0/experimental',
      'v1.1.0',
      'v1.1.0/experimental',
      'v1.6.1',
      'v1.6.1/experimental',
    ]);
    expect(versions.reduce((n, v) => n + countRules(v.schema), 0)).toBeGreaterThan(300);
  });

  it.each(versions.map((v) => [`${v.bundle} ${v.kind} ${v.version}`, v.schema] as const))('%s compiles', (_name, schema) => {
    expect(() => compileSchema(schema)).not.toThrow();
  });
});

describe('rule compilation errors, as kube refuses a CRD', () => {
  const schemaWith = (rules: Array<{ rule: string; messageExpression?: string }>, extra: SchemaNode = {}): SchemaNode => ({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          port: { type: 'integer' },
          name: { type: 'string' },
          items: { type: 'array', items: { type: 'string' } },
          ...extra.properties,
        },
        'x-kubernetes-validations': rules,
      },
    },
  });
  const errorsOf = (s: SchemaNode): string[] => {
    try {
      compileSchema(s);
    } catch (e) {
      if (e instanceof SchemaCompileError) return e.errors.map((x) => `${x.path}: ${x.message}`);
      throw e;
    }
    return [];
  };

  it('lists every failing rule with its schema path', () => {
    const errs = errorsOf(schemaWith([{ rule: 'self.nope == 1' }, { rule: 'self.port > 0' }, { rule: 'unknownFn(self.name)' }]));
    expect(errs).toHaveLength(2);
    expect(errs[0]).toMatch(
      /^openAPIV3Schema\.properties\[spec\]\.x-kubernetes-validations\[0\]\.rule: compilation failed: ERROR: <input>:1:5: undefined field 'nope'/,
    );
    expect(errs[1]).toContain('x-kubernetes-validations[2].rule');
    expect(errs[1]).toContain("undeclared reference to 'unknownFn'");
  });

  it('refuses syntax errors, wrong overloads and non-bool rules', () => {
    expect(errorsOf(schemaWith([{ rule: 'self.port >' }]))[0]).toContain('compilation failed');
    expect(errorsOf(schemaWith([{ rule: "self.port.startsWith('a')" }]))[0]).toContain(
      "found no matching overload for 'startsWith'",
    );
    expect(errorsOf(schemaWith([{ rule: 'self.name' }]))[0]).toContain('must evaluate to bool');
    expect(errorsOf(schemaWith([{ rule: 'self.items.all(i, i.foo)' }]))[0]).toContain(
      "type 'string' does not support field selection",
    );
  });

  it('exposes only apiVersion, kind, metadata.name and metadata.generateName at the root', () => {
    const root: SchemaNode = { type: 'object', properties: { metadata: { type: 'object' }, spec: { type: 'object' } } };
    expect(
      errorsOf({ ...root, 'x-kubernetes-validations': [{ rule: "self.metadata.name.startsWith('a') && self.kind == 'X'" }] }),
    ).toEqual([]);
    expect(errorsOf({ ...root, 'x-kubernetes-validations': [{ rule: 'has(self.metadata.labels)' }] })[0]).toContain(
      "undefined field 'labels'",
    );
  });

  it('checks messageExpression too', () => {
    expect(errorsOf(schemaWith([{ rule: 'true', messageExpression: 'self.port' }]))[0]).toContain('messageExpression');
    expect(errorsOf(schemaWith([{ rule: 'true', messageExpression: "'port ' + string(self.port)" }]))).toEqual([]);
  });
});
