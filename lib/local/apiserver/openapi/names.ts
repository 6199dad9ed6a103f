/**
 * How Kubernetes names group-versions and schema components in its OpenAPI documents.
 */
import { componentNameOf } from '../builtin/schema-dsl';
import type { ResourceDef } from '../types';

/** The key of a group-version in `/openapi/v3` (`api/v1`, `apis/gateway.networking.k8s.io/v1`). */
export function groupVersionKey(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** The URL prefix of a group-version's resources (`/api/v1`, `/apis/<group>/<version>`). */
export function groupVersionPrefix(group: string, version: string): string {
  return `/${groupVersionKey(group, version)}`;
}

/**
 * kube-openapi's REST-friendly name of a CRD kind: the group reversed, then version and kind
 * (`gateway.networking.k8s.io/v1/HTTPRoute` → `io.k8s.networking.gateway.v1.HTTPRoute`).
 */
export function restFriendlyName(group: string, version: string, kind: string): string {
  const reversed = group.split('.').reverse().join('.');
  return [reversed, version, kind].filter((part) => part !== '').join('.');
}

/** The component name of a served kind: the Go type's name for built-ins, the REST-friendly one for CRDs. */
export function kindComponentName(def: ResourceDef): string {
  const builtinName = def.custom || !def.schema ? undefined : componentNameOf(def.schema);
  return builtinName ?? restFriendlyName(def.group, def.version, def.kind);
}

/** The component name of a served kind's list type. */
export function listComponentName(def: ResourceDef): string {
  const kindName = kindComponentName(def);
  return `${kindName.slice(0, kindName.length - def.kind.length)}${def.listKind}`;
}

/** `gateway.networking.k8s.io` + `v1` → `GatewayNetworkingK8sIoV1`, for operation ids. */
export function operationGroupVersion(group: string, version: string): string {
  const words = group === '' ? ['core'] : group.split(/[.-]/);
  return [...words, version].map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
