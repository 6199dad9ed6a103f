/**
 * What the connected cluster's Gateway API CRDs offer, read from the editor schema built from
 * them, so the conversion uses exactly the fields the API server will accept (v0.6, v1.1 and
 * the newest bundle differ in apiVersion, GRPCRoute, timeouts, CORS and mirror percentages).
 */
import { schemaHasField } from '@/lib/authoring/schema-features';
import type { MigrationTarget } from './types';

const GROUP = 'gateway.networking.k8s.io';
const PREFERENCE = ['v1', 'v1beta1', 'v1alpha2'];

/** The best served apiVersion of a Gateway API kind, or undefined when the kind is not served. */
function served(kinds: ReadonlyArray<{ apiVersion: string; kind: string }>, kind: string): string | undefined {
  const versions = kinds
    .filter((k) => k.kind === kind && k.apiVersion.startsWith(`${GROUP}/`))
    .map((k) => k.apiVersion.slice(GROUP.length + 1));
  const best = PREFERENCE.find((v) => versions.includes(v)) ?? versions[0];
  return best ? `${GROUP}/${best}` : undefined;
}

/** The migration target for a cluster; undefined when it serves no HTTPRoute at all. */
export function targetFromSchemas(
  kinds: ReadonlyArray<{ apiVersion: string; kind: string }>,
  schema: unknown,
  gatewayClassName = 'istio',
): MigrationTarget | undefined {
  const apiVersion = served(kinds, 'HTTPRoute');
  if (!apiVersion) return undefined;
  const has = (...path: string[]) => schemaHasField(schema, apiVersion, 'HTTPRoute', ['spec', 'rules', ...path]) === true;
  const target: MigrationTarget = {
    apiVersion,
    gatewayClassName,
    grpcRoute: served(kinds, 'GRPCRoute') !== undefined,
    timeouts: has('timeouts'),
    retry: has('retry'),
    cors: has('filters', 'cors'),
    mirrorPercent: has('filters', 'requestMirror', 'percent'),
  };
  const tcp = served(kinds, 'TCPRoute');
  const tls = served(kinds, 'TLSRoute');
  if (tcp) target.tcpRoute = tcp;
  if (tls) target.tlsRoute = tls;
  return target;
}
