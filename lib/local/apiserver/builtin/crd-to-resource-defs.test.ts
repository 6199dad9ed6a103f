import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { loadCrds } from './__fixtures__/gateway-api-crds';
import { crdToResourceDefs } from './crd-to-resource-defs';

const obj = (v: Json | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const versionsOf = (crd: JsonObject): JsonObject[] => {
  const versions = obj(crd.spec).versions;
  return Array.isArray(versions) ? versions.map(obj) : [];
};

const all = loadCrds();

describe('crdToResourceDefs', () => {
  it('finds the CRDs of every bundle', () => {
    for (const bundle of ['v0.6.0', 'v1.1.0', 'v1.6.1']) {
      expect(all.some((f) => f.file.startsWith(`${bundle}/`) && !f.file.includes('experimental'))).toBe(true);
      expect(all.some((f) => f.file.startsWith(`${bundle}/experimental/`))).toBe(true);
    }
  });

  it.each(all.map((f) => [f.file, f.crd] as const))('%s yields one def per served version', (_file, crd) => {
    const spec = obj(crd.spec);
    const names = obj(spec.names);
    const served = versionsOf(crd).filter((v) => v.served === true);
    const defs = crdToResourceDefs(crd);
    expect(defs.map((d) => d.version)).toEqual(served.map((v) => v.name));
    for (const [i, def] of defs.entries()) {
      const version = served[i] ?? {};
      expect(def).toMatchObject({
        group: spec.group,
        kind: names.kind,
        listKind: names.listKind ?? `${String(names.kind)}List`,
        plural: names.plural,
        singular: names.singular,
        namespaced: spec.scope === 'Namespaced',
        shortNames: names.shortNames ?? [],
        categories: names.categories ?? [],
        storage: version.storage === true,
        custom: true,
        subresources: { status: obj(version.subresources).status !== undefined },
      });
      expect([...def.verbs].sort()).toEqual(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
      expect(def.printerColumns).toEqual(version.additionalPrinterColumns ?? []);
      expect(def.schema).toBe(obj(version.schema).openAPIV3Schema);
    }
    expect(defs.filter((d) => d.storage)).toHaveLength(1);
  });

  it('serves v0.6.0 HTTPRoute at v1beta1 (storage) and v1alpha2', () => {
    const route = loadCrds('v0.6.0').find((f) => f.file.endsWith('httproutes.yaml'));
    const defs = crdToResourceDefs(route?.crd ?? {});
    expect(defs.map((d) => [d.version, d.storage])).toEqual([
      ['v1alpha2', false],
      ['v1beta1', true],
    ]);
    expect(defs[1]?.printerColumns.map((c) => c.name)).toContain('Hostnames');
  });

  it('gives Gateway its gtw short name and the v1.1 HTTPRoute v1 storage', () => {
    const v11 = loadCrds('v1.1.0');
    const gateway = crdToResourceDefs(v11.find((f) => f.file.endsWith('_gateways.yaml'))?.crd ?? {});
    expect(gateway.every((d) => d.shortNames.includes('gtw'))).toBe(true);
    const route = crdToResourceDefs(v11.find((f) => f.file.endsWith('_httproutes.yaml'))?.crd ?? {});
    expect(route.find((d) => d.storage)?.version).toBe('v1');
  });

  it('skips versions that are not served and cluster scope is honoured', () => {
    const source = loadCrds('v0.6.0').find((f) => f.file.endsWith('gatewayclasses.yaml'))?.crd ?? {};
    const crd = structuredClone(source);
    const versions = versionsOf(crd);
    const first = versions[0];
    if (first) first.served = false;
    const defs = crdToResourceDefs(crd);
    expect(defs).toHaveLength(versions.length - 1);
    expect(defs.every((d) => !d.namespaced)).toBe(true);
  });

  it('returns nothing for an object without group, plural or kind', () => {
    expect(crdToResourceDefs({ spec: { names: { plural: 'x' } } })).toEqual([]);
  });
});
