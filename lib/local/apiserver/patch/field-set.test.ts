import { describe, expect, it } from 'vitest';
import type { JsonObject, SchemaNode } from '../types';
import { realGatewayDef } from './__fixtures__/defs';
import { seedGateway } from './__fixtures__/objects';
import { FieldSet } from './field-set';
import { compare, toFieldSet } from './field-set-build';
import { formatPath } from './path-format';
import { withObjectMeta } from './schema';
import { mergeApplied } from './ssa-merge';

/** fieldsV1 of a Deployment as a real cluster stores it for `kubectl create`. */
const realFieldsV1: JsonObject = {
  'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
  'f:spec': {
    'f:replicas': {},
    'f:template': {
      'f:spec': {
        'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } },
      },
    },
  },
};

const paths = (s: FieldSet): string[] => s.paths().map(formatPath);

describe('FieldSet', () => {
  it('reads and writes FieldsV1 unchanged', () => {
    const set = FieldSet.fromJSON(realFieldsV1);
    expect(set.toJSON()).toEqual(realFieldsV1);
    expect(paths(set)).toEqual([
      '.metadata.labels',
      '.metadata.labels.app',
      '.spec.replicas',
      '.spec.template.spec.containers[name="nginx"]',
      '.spec.template.spec.containers[name="nginx"].image',
      '.spec.template.spec.containers[name="nginx"].name',
    ]);
  });

  it('computes union, intersection, difference and recursive difference', () => {
    const a = new FieldSet().insert(['f:spec', 'f:a']).insert(['f:spec', 'f:b']);
    const b = new FieldSet().insert(['f:spec', 'f:b']).insert(['f:spec', 'f:c']);
    expect(paths(a.union(b))).toEqual(['.spec.a', '.spec.b', '.spec.c']);
    expect(paths(a.intersection(b))).toEqual(['.spec.b']);
    expect(paths(a.difference(b))).toEqual(['.spec.a']);
    expect(paths(a.recursiveDifference(new FieldSet().insert(['f:spec'])))).toEqual([]);
    expect(a.difference(a).isEmpty()).toBe(true);
  });

  it('prints keys, set values and indices like structured-merge-diff', () => {
    expect(formatPath(['f:spec', 'k:{"port":80,"protocol":"TCP"}', 'f:name'])).toBe('.spec[port=80,protocol="TCP"].name');
    expect(formatPath(['f:metadata', 'f:finalizers', 'v:"example.com/x"'])).toBe('.metadata.finalizers[="example.com/x"]');
    expect(formatPath(['f:list', 'i:3'])).toBe('.list[3]');
  });
});

describe('toFieldSet and compare', () => {
  const schema: SchemaNode = withObjectMeta({
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          remove: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set' },
          opts: { type: 'object', 'x-kubernetes-map-type': 'atomic' },
        },
      },
    },
  });

  it('names set items by value, owns atomic maps whole and empty maps as leaves', () => {
    const set = toFieldSet(
      { metadata: { finalizers: ['a'] }, spec: { remove: ['x-a', 'x-b'], opts: { k: 'v' }, empty: {} } },
      schema,
    );
    expect(set.toJSON()).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"a"': {} } },
      'f:spec': { 'f:remove': { 'v:"x-a"': {}, 'v:"x-b"': {} }, 'f:opts': {}, 'f:empty': {} },
    });
  });

  it('reads list-map keys from the real Gateway CRD', () => {
    const gw = seedGateway();
    ((gw.spec as JsonObject).listeners as JsonObject[]).push({ name: 'https', port: 443, protocol: 'HTTPS' });
    const set = toFieldSet(gw, withObjectMeta(realGatewayDef().schema));
    expect([...(set.at(['f:spec', 'f:listeners'])?.children.keys() ?? [])]).toEqual([
      'k:{"name":"default"}',
      'k:{"name":"https"}',
    ]);
  });

  it('reports added, modified and removed fields', () => {
    const c = compare(
      { spec: { remove: ['x-a'], opts: { k: 'v' } } },
      { spec: { remove: ['x-b'], opts: { k: 'w' }, n: 1 } },
      schema,
    );
    expect(paths(c.added)).toEqual(['.spec.n', '.spec.remove[="x-b"]']);
    expect(paths(c.modified)).toEqual(['.spec.opts']);
    expect(paths(c.removed)).toEqual(['.spec.remove[="x-a"]']);
  });
});

describe('mergeApplied', () => {
  const listSchema: SchemaNode = {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: { type: 'object', properties: { name: { type: 'string' } } },
      },
    },
  };
  const names = (o: unknown): unknown => ((o as JsonObject).items as JsonObject[]).map((i) => i.name);

  it('keeps live-only items in place and appends new applied items', () => {
    const out = mergeApplied(
      { items: [{ name: 'a', v: 1 }, { name: 'b' }] },
      { items: [{ name: 'a', v: 2 }, { name: 'x' }] },
      listSchema,
    );
    expect(out).toEqual({ items: [{ name: 'a', v: 2 }, { name: 'b' }, { name: 'x' }] });
  });

  it('orders shared items as the applied configuration does', () => {
    const out = mergeApplied(
      { items: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      { items: [{ name: 'c' }, { name: 'a' }] },
      listSchema,
    );
    expect(names(out)).toEqual(['b', 'c', 'a']);
  });

  it('replaces atomic lists and lists without a schema', () => {
    expect(mergeApplied({ l: [1, 2] }, { l: [3] }, undefined)).toEqual({ l: [3] });
  });
});
