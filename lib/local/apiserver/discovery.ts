/**
 * Discovery documents (/version, /api, /api/v1, /apis, /apis/{g}, /apis/{g}/{v}). Answered as
 * plain application/json: clients asking for aggregated discovery (apidiscovery.k8s.io/v2)
 * see the legacy content type and fall back to these documents, as client-go does.
 */
import type { Registry } from './registry';
import { EXTRA_SUBRESOURCES } from './reviews/defs';
import type { JsonObject, ResourceDef } from './types';

/** The Kubernetes version the server reports. */
export const SERVER_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0+portico' } as const;

/** `/version` */
export function versionInfo(): JsonObject {
  return {
    ...SERVER_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.0',
    compiler: 'gc',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}

/** `/api` */
export function coreVersions(hostPort: string): JsonObject {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort }],
  };
}

function groupDoc(name: string, versions: string[]): JsonObject {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] ?? {} };
}

/** `/apis` */
export function groupList(registry: Registry): JsonObject {
  const groups = registry.groups().filter((g) => g.name !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupDoc(g.name, g.versions)) };
}

/** `/apis/{group}` (undefined when the group is not served). */
export function group(registry: Registry, name: string): JsonObject | undefined {
  const g = registry.groups().find((x) => x.name === name && name !== '');
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g.name, g.versions) } : undefined;
}

function resourceEntries(d: ResourceDef): JsonObject[] {
  const main: JsonObject = { name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs };
  if (d.shortNames.length) main.shortNames = d.shortNames;
  if (d.categories.length) main.categories = d.categories;
  const out = [main];
  if (d.subresources.status) {
    out.push({
      name: `${d.plural}/status`,
      singularName: '',
      namespaced: d.namespaced,
      kind: d.kind,
      verbs: ['get', 'patch', 'update'],
    });
  }
  // Subresources served by a handler of their own (serviceaccounts/token → TokenRequest).
  for (const s of EXTRA_SUBRESOURCES.get(`${d.group}/${d.version}/${d.plural}`) ?? []) {
    out.push({
      name: `${d.plural}/${s.name}`,
      singularName: '',
      namespaced: d.namespaced,
      group: s.group,
      version: s.version,
      kind: s.kind,
      verbs: s.verbs,
    });
  }
  return out;
}

/** `/api/v1` or `/apis/{group}/{version}` (undefined when not served). */
export function resourceList(registry: Registry, groupName: string, version: string): JsonObject | undefined {
  const defs = registry.all().filter((d) => d.group === groupName && d.version === version);
  if (defs.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupName ? `${groupName}/${version}` : version,
    resources: defs.flatMap(resourceEntries),
  };
}
