import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../types';
import { builtinResources } from './index';

const defs = builtinResources();
const byKind = (kind: string) => {
  const def = defs.find((d) => d.kind === kind);
  if (!def) throw new Error(`no builtin ${kind}`);
  return def;
};

/** Follows a dotted path of properties, stepping into array items transparently. */
function at(schema: SchemaNode | undefined, dotted: string): SchemaNode {
  let node = schema;
  for (const key of dotted.split('.')) {
    if (node?.type === 'array') node = node.items;
    node = node?.properties?.[key];
    if (!node) throw new Error(`no schema at ${dotted} (missing ${key})`);
  }
  if (!node) throw new Error('empty path');
  return node;
}

/** Structural checks every published schema node must pass, with the offending path. */
function structuralProblems(node: SchemaNode, where: string): string[] {
  const problems: string[] = [];
  if (node.type === 'array' && !node.items) problems.push(`${where}: array without items`);
  if (node.type === 'object' && node.properties && node.additionalProperties)
    problems.push(`${where}: properties and additionalProperties`);
  for (const name of node.required ?? []) {
    if (!node.properties?.[name]) problems.push(`${where}: required ${name} is not a property`);
  }
  if (node['x-kubernetes-list-type'] === 'map') {
    const keys = node['x-kubernetes-list-map-keys'] ?? [];
    if (keys.length === 0) problems.push(`${where}: map list without keys`);
    for (const key of keys) if (!node.items?.properties?.[key]) problems.push(`${where}: map key ${key} missing in items`);
  }
  const mergeKey = node['x-kubernetes-patch-merge-key'];
  if (mergeKey && !node.items?.properties?.[mergeKey]) problems.push(`${where}: merge key ${mergeKey} missing in items`);
  for (const [key, child] of Object.entries(node.properties ?? {}))
    problems.push(...structuralProblems(child, `${where}.${key}`));
  if (node.items) problems.push(...structuralProblems(node.items, `${where}[]`));
  if (typeof node.additionalProperties === 'object')
    problems.push(...structuralProblems(node.additionalProperties, `${where}{}`));
  return problems;
}

describe('builtinResources', () => {
  it('serves the built-in kinds once each', () => {
    expect(defs.map((d) => `${d.group}/${d.version}/${d.kind}`).sort()).toEqual([
      '/v1/ConfigMap',
      '/v1/Event',
      '/v1/Namespace',
      '/v1/Pod',
      '/v1/Secret',
      '/v1/Service',
      '/v1/ServiceAccount',
      'apiextensions.k8s.io/v1/CustomResourceDefinition',
      'apps/v1/Deployment',
      'discovery.k8s.io/v1/EndpointSlice',
      'policy/v1/PodDisruptionBudget',
      'rbac.authorization.k8s.io/v1/ClusterRole',
      'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
      'rbac.authorization.k8s.io/v1/Role',
      'rbac.authorization.k8s.io/v1/RoleBinding',
    ]);
  });

  it.each(defs.map((d) => [d.kind, d] as const))('%s is a well-formed definition', (_kind, def) => {
    expect(def.listKind).toBe(`${def.kind}List`);
    expect(def.plural).toMatch(/^[a-z]+$/);
    expect(def.singular).toBe(def.kind.toLowerCase());
    expect(def.storage).toBe(true);
    expect(def.custom).toBe(false);
    for (const verb of ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']) expect(def.verbs).toContain(verb);
    for (const column of def.printerColumns) {
      expect(column.jsonPath.startsWith('.')).toBe(true);
      expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(column.type);
    }
    const schema = def.schema;
    expect(schema?.type).toBe('object');
    for (const field of ['apiVersion', 'kind', 'metadata']) expect(schema?.properties?.[field]).toBeDefined();
    expect(structuralProblems(schema ?? {}, def.kind)).toEqual([]);
    if (def.subresources.status) expect(schema?.properties?.status).toBeDefined();
  });

  it('has the scopes, short names and categories of a real cluster', () => {
    expect(byKind('Namespace')).toMatchObject({ namespaced: false, shortNames: ['ns'], subresources: { status: true } });
    expect(byKind('Service')).toMatchObject({
      namespaced: true,
      shortNames: ['svc'],
      categories: ['all'],
      subresources: { status: true },
    });
    expect(byKind('ConfigMap').shortNames).toEqual(['cm']);
    expect(byKind('Event').shortNames).toEqual(['ev']);
    expect(byKind('CustomResourceDefinition')).toMatchObject({ namespaced: false, shortNames: ['crd', 'crds'] });
    expect(byKind('Namespace').verbs).not.toContain('deletecollection');
  });

  it('prints the Service and CRD columns kubectl shows', () => {
    expect(
      byKind('Service')
        .printerColumns.filter((c) => !c.priority)
        .map((c) => c.name.toUpperCase()),
    ).toEqual(['TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(byKind('CustomResourceDefinition').printerColumns.map((c) => c.name.toUpperCase())).toEqual(['CREATED AT']);
  });

  it('publishes Service ports as a map list keyed by port+protocol, strategic-merged by port', () => {
    const ports = at(byKind('Service').schema, 'spec.ports');
    expect(ports['x-kubernetes-list-type']).toBe('map');
    expect(ports['x-kubernetes-list-map-keys']).toEqual(['port', 'protocol']);
    expect(ports['x-kubernetes-patch-merge-key']).toBe('port');
    expect(ports['x-kubernetes-patch-strategy']).toBe('merge');
    expect(ports.items?.required).toEqual(['port']);
    expect(at(byKind('Service').schema, 'spec.ports.targetPort')['x-kubernetes-int-or-string']).toBe(true);
    expect(at(byKind('Service').schema, 'spec.ports.protocol').default).toBe('TCP');
    expect(at(byKind('Service').schema, 'status.loadBalancer.ingress.ports.port').type).toBe('integer');
  });

  it('merges ObjectMeta ownerReferences by uid and finalizers as a set', () => {
    for (const def of defs) {
      const owners = at(def.schema, 'metadata.ownerReferences');
      expect(owners['x-kubernetes-patch-merge-key']).toBe('uid');
      expect(owners['x-kubernetes-list-map-keys']).toEqual(['uid']);
      const finalizers = at(def.schema, 'metadata.finalizers');
      expect(finalizers['x-kubernetes-patch-strategy']).toBe('merge');
      expect(finalizers['x-kubernetes-list-type']).toBe('set');
    }
  });

  it('covers the Secret, EndpointSlice and CRD fields clients write', () => {
    expect(at(byKind('Secret').schema, 'data').additionalProperties).toMatchObject({ format: 'byte' });
    expect(at(byKind('Secret').schema, 'stringData').additionalProperties).toMatchObject({ type: 'string' });
    const slice = byKind('EndpointSlice').schema;
    expect(slice?.required).toEqual(['addressType', 'endpoints']);
    for (const p of ['endpoints.conditions.ready', 'endpoints.conditions.serving', 'endpoints.conditions.terminating']) {
      expect(at(slice, p).type).toBe('boolean');
    }
    expect(at(slice, 'endpoints.targetRef.name').type).toBe('string');
    expect(at(slice, 'ports.appProtocol').type).toBe('string');
    const crd = byKind('CustomResourceDefinition').schema;
    expect(at(crd, 'spec.versions.schema.openAPIV3Schema')['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(at(crd, 'spec.versions.additionalPrinterColumns.jsonPath').type).toBe('string');
    expect(at(crd, 'spec.names.shortNames').type).toBe('array');
  });
});
