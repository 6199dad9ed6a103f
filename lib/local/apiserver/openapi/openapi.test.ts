import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtinResources, crdToResourceDefs } from '../builtin';
import { loadCrds } from '../builtin/__fixtures__/gateway-api-crds';
import type { Json, JsonObject, ResourceDef } from '../types';
import { protoFields, walk } from './__fixtures__/walk';
import { handleOpenApi, PROTOBUF_V2_CONTENT_TYPE } from './index';

const bundle = (dir: string): ResourceDef[] => loadCrds(dir).flatMap((f) => crdToResourceDefs(f.crd));
const defsWith = (dir: string): ResourceDef[] => [...builtinResources(), ...bundle(dir)];
const defs = defsWith('v1.1.0/experimental');

function get(path: string, d: ResourceDef[] = defs, accept?: string): JsonObject {
  const res = handleOpenApi(path, d, accept);
  if (!res || res.status !== 200) throw new Error(`${path}: ${res?.status}`);
  return JSON.parse(String(res.body)) as JsonObject;
}
const o = (v: Json | undefined): JsonObject => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const schemasOf = (doc: JsonObject) => o(o(doc.components).schemas);
const gvKey = (d: ResourceDef) => (d.group ? `apis/${d.group}/${d.version}` : `api/${d.version}`);

/** Every $ref in `doc` must name a component of the same document. */
function danglingRefs(doc: JsonObject, prefix: string, components: JsonObject): string[] {
  const dangling: string[] = [];
  walk(doc, (node, where) => {
    if (typeof node.$ref === 'string' && !(node.$ref.startsWith(prefix) && components[node.$ref.slice(prefix.length)])) {
      dangling.push(`${where}: ${node.$ref}`);
    }
  });
  return dangling;
}

describe('/openapi/v3', () => {
  it('lists every served group-version with a hash of its document', () => {
    const root = o(get('/openapi/v3').paths);
    expect(Object.keys(root).sort()).toEqual([...new Set(defs.map(gvKey))].sort());
    for (const [key, entry] of Object.entries(root)) {
      const url = String(o(entry).serverRelativeURL);
      expect(url.startsWith(`/openapi/v3/${key}?hash=`)).toBe(true);
      const body = String(handleOpenApi(url, defs)?.body);
      expect(url.split('hash=')[1]).toBe(createHash('sha512').update(body).digest('hex').toUpperCase());
    }
  });

  it('keeps hashes stable for equal defs and changes them when a CRD changes', () => {
    const url = (d: ResourceDef[]) =>
      String(o(o(get('/openapi/v3', d).paths)['apis/gateway.networking.k8s.io/v1']).serverRelativeURL);
    expect(url([...defs])).toBe(url(defs));
    const changed = defs.map((d) =>
      d.kind === 'HTTPRoute' && d.version === 'v1'
        ? { ...d, shortNames: ['hr'], printerColumns: [], schema: { type: 'object' as const } }
        : d,
    );
    expect(url(changed)).not.toBe(url(defs));
  });

  it.each(defs.map((d) => [`${gvKey(d)} ${d.kind}`, d] as const))('%s: component, GVK and operations', (_name, def) => {
    const doc = get(`/openapi/v3/${gvKey(def)}`);
    const schemas = schemasOf(doc);
    expect(danglingRefs(doc, '#/components/schemas/', schemas)).toEqual([]);
    const gvk = { group: def.group, kind: def.kind, version: def.version };
    const kinds = Object.values(schemas).filter(
      (s) => JSON.stringify(o(s)['x-kubernetes-group-version-kind']) === JSON.stringify([gvk]),
    );
    expect(kinds).toHaveLength(1);
    const kind = o(kinds[0]);
    expect(o(o(kind.properties).metadata).allOf).toEqual([
      { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
    ]);
    // kubectl (query_param_verifier_v3) trusts server-side validation only if the PATCH operation lists fieldValidation.
    const patches = Object.values(o(doc.paths))
      .map((p) => o(o(p).patch))
      .filter((op) => JSON.stringify(op['x-kubernetes-group-version-kind']) === JSON.stringify(gvk));
    expect(patches.length).toBeGreaterThan(0);
    for (const op of patches) {
      const params = (op.parameters as JsonObject[]).map((p) => p.name);
      expect(params).toEqual(expect.arrayContaining(['fieldValidation', 'fieldManager', 'dryRun', 'force']));
      const types = Object.keys(o(o(op.requestBody).content));
      expect(types.includes('application/strategic-merge-patch+json')).toBe(!def.custom);
    }
    const scope = def.namespaced ? `namespaces/{namespace}/${def.plural}` : def.plural;
    expect(Object.keys(o(doc.paths))).toContain(`/${gvKey(def)}/${scope}/{name}`);
  });

  it('names kinds like kube-apiserver and keeps strategic-merge metadata', () => {
    const core = schemasOf(get('/openapi/v3/api/v1'));
    const ports = o(o(o(core['io.k8s.api.core.v1.ServiceSpec']).properties).ports);
    expect(ports).toMatchObject({
      'x-kubernetes-patch-merge-key': 'port',
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
    });
    expect(ports.items).toEqual({ $ref: '#/components/schemas/io.k8s.api.core.v1.ServicePort' });
    const owners = o(o(o(core['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']).properties).ownerReferences);
    expect(owners['x-kubernetes-patch-merge-key']).toBe('uid');
    expect(o(core['io.k8s.api.core.v1.ServiceList'])['x-kubernetes-group-version-kind']).toEqual([
      { group: '', kind: 'ServiceList', version: 'v1' },
    ]);
    const gw = schemasOf(get('/openapi/v3/apis/gateway.networking.k8s.io/v1'));
    expect(Object.keys(gw)).toEqual(
      expect.arrayContaining([
        'io.k8s.networking.gateway.v1.HTTPRoute',
        'io.k8s.networking.gateway.v1.HTTPRouteList',
        'io.k8s.networking.gateway.v1.Gateway',
      ]),
    );
    expect(o(o(o(gw['io.k8s.networking.gateway.v1.HTTPRoute']).properties).spec).properties).toHaveProperty('rules');
    const old = schemasOf(get('/openapi/v3/apis/gateway.networking.k8s.io/v1alpha2', defsWith('v0.6.0')));
    expect(old).toHaveProperty(['io.k8s.networking.gateway.v1alpha2.HTTPRoute']);
  });

  it('answers JSON, refuses protobuf-only requests and ignores other paths', () => {
    expect(handleOpenApi('/openapi/v3/api/v1', defs, 'application/json')?.contentType).toBe('application/json');
    expect(handleOpenApi('/openapi/v3/api/v1', defs, 'application/com.github.proto-openapi.spec.v3@v1.0+protobuf')?.status).toBe(
      406,
    );
    expect(handleOpenApi('/openapi/v3/apis/nope.example.com/v1', defs)?.status).toBe(404);
    expect(handleOpenApi('/api/v1/services', defs)).toBeUndefined();
  });
});

describe('/openapi/v2', () => {
  const doc = get('/openapi/v2');
  const definitions = o(doc.definitions);

  it('is Swagger 2.0 with the same component names and GVKs', () => {
    expect(doc.swagger).toBe('2.0');
    expect(danglingRefs(doc, '#/definitions/', definitions)).toEqual([]);
    expect(o(definitions['io.k8s.networking.gateway.v1.HTTPRoute'])['x-kubernetes-group-version-kind']).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', version: 'v1' },
    ]);
    expect(o(o(o(definitions['io.k8s.api.core.v1.Service']).properties).spec).$ref).toBe(
      '#/definitions/io.k8s.api.core.v1.ServiceSpec',
    );
  });

  it('drops what kubectl v2 parsing rejects, as apiextensions-apiserver does', () => {
    const problems: string[] = [];
    walk(definitions, (node, where) => {
      if (node.type === 'array' && !node.items && !where.endsWith('.properties')) problems.push(`${where}: array without items`);
      for (const key of ['nullable', 'anyOf', 'oneOf', 'allOf', 'not'])
        if (key in node && !where.endsWith('.properties')) problems.push(`${where}: ${key}`);
    });
    expect(problems).toEqual([]);
  });

  it('serves the gnostic protobuf when kubectl asks for it', () => {
    const res = handleOpenApi('/openapi/v2', defs, 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
    expect(res?.contentType).toBe(PROTOBUF_V2_CONTENT_TYPE);
    const top = protoFields(res?.body as Buffer);
    expect(top.get(1)?.[0]?.toString()).toBe('2.0');
    const named = protoFields(top.get(9)?.[0] as Buffer).get(1) ?? [];
    expect(named).toHaveLength(Object.keys(definitions).length);
    const names = named.map((entry) => (protoFields(entry as Buffer).get(1)?.[0] as Buffer).toString());
    expect(names.sort()).toEqual(Object.keys(definitions).sort());
    const paths = protoFields(top.get(8)?.[0] as Buffer).get(2) ?? [];
    expect(paths).toHaveLength(Object.keys(o(doc.paths)).length);
  });
});

describe.each(['v0.6.0', 'v0.6.0/experimental', 'v1.1.0', 'v1.6.1', 'v1.6.1/experimental'])('bundle %s', (dir) => {
  const d = defsWith(dir);

  it('publishes every kind with resolvable references in v3 and v2', () => {
    for (const key of Object.keys(o(get('/openapi/v3', d).paths))) {
      const doc = get(`/openapi/v3/${key}`, d);
      expect(danglingRefs(doc, '#/components/schemas/', schemasOf(doc))).toEqual([]);
    }
    const v2 = get('/openapi/v2', d);
    expect(danglingRefs(v2, '#/definitions/', o(v2.definitions))).toEqual([]);
    const kinds = Object.values(o(v2.definitions)).map((s) => JSON.stringify(o(s)['x-kubernetes-group-version-kind']));
    for (const def of d) expect(kinds).toContain(JSON.stringify([{ group: def.group, kind: def.kind, version: def.version }]));
  });
});
