import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestSchema, schemasFromCrds, type JsonSchema } from './crd-schemas';

const root = path.join(__dirname, '../local/crds/gateway-api');
function bundle(version: string): unknown[] {
  const dir = path.join(root, version);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS() as unknown))
    .filter((d) => (d as { kind?: string } | null)?.kind === 'CustomResourceDefinition');
}

const at = (s: JsonSchema, ...keys: string[]): JsonSchema =>
  keys.reduce<JsonSchema>(
    (cur, k) => (cur.properties as Record<string, JsonSchema>)?.[k] ?? (k === '[]' ? (cur.items as JsonSchema) : {}),
    s,
  );

describe('schemasFromCrds', () => {
  it('v0.6.0: Gateway and HTTPRoute as v1beta1 (and v1alpha2), no GRPCRoute', () => {
    const kinds = schemasFromCrds(bundle('v0.6.0'));
    const ids = kinds.map((k) => `${k.kind} ${k.apiVersion}`);
    expect(ids).toContain('Gateway gateway.networking.k8s.io/v1beta1');
    expect(ids).toContain('HTTPRoute gateway.networking.k8s.io/v1beta1');
    expect(ids).toContain('ReferenceGrant gateway.networking.k8s.io/v1beta1');
    expect(ids.some((i) => i.startsWith('GRPCRoute'))).toBe(false);
    expect(ids).not.toContain('Gateway gateway.networking.k8s.io/v1');
  });

  it('v1.1.0: v1 Gateway with the listener hostname pattern that refuses a bare *', () => {
    const gw = schemasFromCrds(bundle('v1.1.0')).find((k) => k.kind === 'Gateway' && k.version === 'v1');
    expect(gw).toBeDefined();
    const hostname = at(gw!.schema, 'spec', 'listeners', '[]', 'hostname');
    const re = new RegExp(String(hostname.pattern));
    expect(re.test('*.aliyun.com')).toBe(true);
    expect(re.test('*')).toBe(false);
    expect(at(gw!.schema, 'spec', 'listeners').maxItems).toBe(64);
    expect(at(gw!.schema, 'apiVersion').const).toBe('gateway.networking.k8s.io/v1');
    expect(at(gw!.schema, 'spec').additionalProperties).toBe(false);
    expect(String(at(gw!.schema, 'spec', 'listeners').description)).toMatch(/Rules:/);
  });

  it('v1.1.0 and v1.6.1 serve GRPCRoute; every kind of every bundle converts with valid patterns', () => {
    for (const v of ['v0.6.0', 'v1.1.0', 'v1.6.1']) {
      const kinds = schemasFromCrds(bundle(v));
      expect(kinds.length).toBeGreaterThanOrEqual(4);
      for (const k of kinds) {
        const text = JSON.stringify(k.schema);
        expect(text).not.toContain('x-kubernetes');
        expect(text).not.toContain('"nullable"');
        for (const m of text.matchAll(/"pattern":("(?:[^"\\]|\\.)*")/g))
          expect(() => new RegExp(JSON.parse(m[1]!) as string, 'u')).not.toThrow();
      }
      if (v !== 'v0.6.0') expect(kinds.some((k) => k.kind === 'GRPCRoute')).toBe(true);
    }
  });

  it('port of an HTTPRoute backendRef is an integer in 1..65535', () => {
    const r = schemasFromCrds(bundle('v1.6.1')).find((k) => k.kind === 'HTTPRoute' && k.version === 'v1')!;
    const port = at(r.schema, 'spec', 'rules', '[]', 'backendRefs', '[]', 'port');
    expect(port).toMatchObject({ type: 'integer', minimum: 1, maximum: 65535 });
  });
});

describe('manifestSchema', () => {
  it('selects the schema per document by apiVersion and kind', () => {
    const kinds = schemasFromCrds(bundle('v1.1.0'));
    const s = manifestSchema(kinds);
    const allOf = s.allOf as Array<{ if: JsonSchema; then: { $ref: string } }>;
    expect(allOf).toHaveLength(kinds.length);
    const first = allOf[0]!;
    const ref = first.then.$ref.replace('#/definitions/', '');
    expect((s.definitions as Record<string, JsonSchema>)[ref]).toBe(kinds[0]!.schema);
    expect(at(first.if, 'kind').const).toBe(kinds[0]!.kind);
  });
});
