/**
 * ReferenceGrants the generated objects need. Istio lets a VirtualService route to any namespace
 * and a Gateway read its credential from the ingress gateway's namespace; Gateway API requires
 * the target namespace to allow it (the seed's migration table says so).
 * @see https://gateway-api.sigs.k8s.io/api-types/referencegrant/
 */
import { dnsLabel, emit, report, type MigrationContext, type Origin } from './context';

/** One cross-namespace reference to allow. */
export interface GrantNeed {
  fromKind: 'Gateway' | 'HTTPRoute' | 'GRPCRoute' | 'TCPRoute' | 'TLSRoute';
  fromNamespace: string;
  toKind: 'Service' | 'Secret';
  toNamespace: string;
  toName: string;
}

interface GrantSpec {
  from: Array<{ group: string; kind: string; namespace: string }>;
  to: Array<{ group: string; kind: string; name: string }>;
}

/** Adds (or extends) the ReferenceGrant in the target namespace that allows `need`. */
export function addGrant(ctx: MigrationContext, origin: Origin, need: GrantNeed): void {
  const name = dnsLabel(`allow-${need.fromNamespace}-${need.fromKind}-to-${need.toKind}`, 253);
  const obj = emit(
    ctx,
    {
      apiVersion: grantApiVersion(ctx.target.apiVersion),
      kind: 'ReferenceGrant',
      metadata: { name, namespace: need.toNamespace },
      spec: { from: [], to: [] } satisfies GrantSpec,
    },
    origin,
  );
  const spec = obj.object.spec as GrantSpec;
  const from = { group: 'gateway.networking.k8s.io', kind: need.fromKind, namespace: need.fromNamespace };
  if (!spec.from.some((f) => f.kind === from.kind && f.namespace === from.namespace)) spec.from.push(from);
  if (!spec.to.some((t) => t.kind === need.toKind && t.name === need.toName)) {
    spec.to.push({ group: '', kind: need.toKind, name: need.toName });
    report(
      ctx,
      origin,
      [],
      'note',
      `${need.toKind} ${need.toNamespace}/${need.toName} is referenced from namespace ${need.fromNamespace}: ReferenceGrant ${need.toNamespace}/${name} allows it`,
    );
  }
}

/** ReferenceGrant v1beta1 is served by every bundle from v0.6 to v1.6 (v1 only from v1.5), so it is always safe. */
function grantApiVersion(routeApiVersion: string): string {
  return routeApiVersion.replace(/\/v1$/, '/v1beta1');
}
