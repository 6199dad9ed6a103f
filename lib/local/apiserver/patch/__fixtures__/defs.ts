/**
 * Resource definitions for the patch tests: small hand-built schemas carrying the markers the
 * built-in OpenAPI publishes (Service, EndpointSlice, Deployment), hand-built Gateway API ones,
 * and the real Gateway CRD of the v1.1.0 bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ResourceDef, SchemaNode } from '../../types';

const str: SchemaNode = { type: 'string' };
const int: SchemaNode = { type: 'integer' };

function def(partial: Partial<ResourceDef> & Pick<ResourceDef, 'group' | 'version' | 'kind' | 'plural'>): ResourceDef {
  return {
    listKind: `${partial.kind}List`,
    singular: partial.kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    storage: true,
    subresources: { status: false },
    printerColumns: [],
    custom: false,
    ...partial,
  };
}

/** core/v1 Service: ports merge by `port` (SMP) and are a map list keyed by port+protocol (SSA). */
export const serviceDef = def({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  subresources: { status: true },
  schema: {
    type: 'object',
    properties: {
      apiVersion: str,
      kind: str,
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        properties: {
          type: str,
          clusterIP: str,
          selector: { type: 'object', additionalProperties: str, 'x-kubernetes-map-type': 'atomic' },
          externalIPs: { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' },
          ports: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: str,
                protocol: { type: 'string', default: 'TCP' },
                port: int,
                targetPort: { 'x-kubernetes-int-or-string': true },
                nodePort: int,
              },
              required: ['port'],
            },
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['port', 'protocol'],
            'x-kubernetes-patch-merge-key': 'port',
            'x-kubernetes-patch-strategy': 'merge',
          },
        },
      },
      status: { type: 'object', properties: { loadBalancer: { type: 'object' } } },
    },
  },
});

/** discovery.k8s.io/v1 EndpointSlice: `endpoints` is atomic, so a strategic patch replaces it. */
export const endpointSliceDef = def({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  schema: {
    type: 'object',
    properties: {
      addressType: str,
      endpoints: {
        type: 'array',
        'x-kubernetes-list-type': 'atomic',
        items: { type: 'object', properties: { addresses: { type: 'array', items: str, 'x-kubernetes-list-type': 'set' } } },
      },
      ports: { type: 'array', 'x-kubernetes-list-type': 'atomic', items: { type: 'object' } },
    },
  },
});

const container: SchemaNode = {
  type: 'object',
  properties: {
    name: str,
    image: str,
    args: { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' },
    env: {
      type: 'array',
      items: { type: 'object', properties: { name: str, value: str } },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    },
  },
};

/** apps/v1 Deployment (subset): containers merge by name; `strategy` uses retainKeys. */
export const deploymentDef = def({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  schema: {
    type: 'object',
    properties: {
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        properties: {
          replicas: int,
          strategy: {
            type: 'object',
            'x-kubernetes-patch-strategy': 'retainKeys',
            properties: { type: str, rollingUpdate: { type: 'object' } },
          },
          template: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  containers: {
                    type: 'array',
                    items: container,
                    'x-kubernetes-list-type': 'map',
                    'x-kubernetes-list-map-keys': ['name'],
                    'x-kubernetes-patch-merge-key': 'name',
                    'x-kubernetes-patch-strategy': 'merge',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
});

/** Hand-built Gateway schema: listeners keyed by name, addresses atomic (as in the CRD). */
export const gatewayDefHandBuilt = def({
  group: 'gateway.networking.k8s.io',
  version: 'v1',
  kind: 'Gateway',
  plural: 'gateways',
  custom: true,
  subresources: { status: true },
  schema: {
    type: 'object',
    properties: {
      apiVersion: str,
      kind: str,
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        properties: {
          gatewayClassName: str,
          addresses: { type: 'array', items: { type: 'object', properties: { type: str, value: str } } },
          listeners: {
            type: 'array',
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['name'],
            items: {
              type: 'object',
              properties: {
                name: str,
                hostname: str,
                port: int,
                protocol: str,
                allowedRoutes: { type: 'object', properties: { namespaces: { type: 'object', properties: { from: str } } } },
              },
            },
          },
        },
      },
      status: { type: 'object' },
    },
  },
});

/** Hand-built HTTPRoute schema: hostnames, parentRefs and rules atomic as in the v1.1 CRD. */
export const httpRouteDef = def({
  group: 'gateway.networking.k8s.io',
  version: 'v1',
  kind: 'HTTPRoute',
  plural: 'httproutes',
  custom: true,
  subresources: { status: true },
  schema: {
    type: 'object',
    properties: {
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        properties: {
          hostnames: { type: 'array', items: str, maxItems: 16 },
          parentRefs: { type: 'array', items: { type: 'object' } },
          rules: { type: 'array', items: { type: 'object' } },
        },
      },
      status: { type: 'object' },
    },
  },
});

/** The Gateway CRD shipped in the v1.1.0 bundle, as served at `version`. */
const gatewayCache = new Map<string, ResourceDef>();
export function realGatewayDef(version = 'v1'): ResourceDef {
  const hit = gatewayCache.get(version);
  if (hit) return hit;
  const file = path.resolve(__dirname, '../../../crds/gateway-api/v1.1.0/gateway.networking.k8s.io_gateways.yaml');
  const crd = parse(readFileSync(file, 'utf8')) as {
    spec: { versions: Array<{ name: string; storage: boolean; schema: { openAPIV3Schema: SchemaNode } }> };
  };
  const v = crd.spec.versions.find((x) => x.name === version);
  if (!v) throw new Error(`Gateway CRD has no version ${version}`);
  const out = { ...gatewayDefHandBuilt, version, storage: v.storage, schema: v.schema.openAPIV3Schema };
  gatewayCache.set(version, out);
  return out;
}
