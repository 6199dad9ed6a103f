/**
 * Istio destinations → Gateway API backendRefs. Gateway API routes to Services, so a
 * DestinationRule subset (pods of one version) becomes a proposed Service per subset, and a
 * destination in another namespace needs a ReferenceGrant.
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httpbackendref
 */
import { dnsLabel, emit, report, type MigrationContext, type Origin } from './context';
import { addGrant, type GrantNeed } from './grants';
import { findService, resolveHost } from './services';
import type { Destination, HeaderOperations } from './types';

/** A Gateway API backendRef, as plain JSON. */
export type BackendRef = Record<string, unknown> & { name: string; port?: number; namespace?: string };

/** Resolves one destination to a backendRef (without weight or filters), or undefined with a finding. */
export function backendFor(
  ctx: MigrationContext,
  origin: Origin,
  dest: Destination,
  path: Array<string | number>,
  routeKind: GrantNeed['fromKind'],
): BackendRef | undefined {
  const resolved = resolveHost(dest.host, origin.namespace, ctx.services);
  if ('external' in resolved) {
    report(
      ctx,
      origin,
      [...path, 'host'],
      'warning',
      `host ${dest.host} is not a Kubernetes Service (a ServiceEntry or external name); Gateway API backendRefs name Services only: dropped`,
    );
    return undefined;
  }
  let { name } = resolved;
  const { namespace } = resolved;
  const svc = findService(ctx.services, name, namespace);
  let port = dest.port?.number;
  if (port === undefined) {
    if (svc && svc.ports.length === 1) port = svc.ports[0]?.port;
    else {
      report(
        ctx,
        origin,
        [...path, 'port'],
        'warning',
        `destination ${dest.host} has no port and ${svc ? `Service ${namespace}/${name} has ${svc.ports.length} ports` : 'the Service is not in the cluster'}: set backendRef port (Gateway API requires it for Services)`,
      );
    }
  }
  if (dest.subset) name = subsetService(ctx, origin, dest, path, name, namespace) ?? name;
  const ref: BackendRef = { name };
  if (namespace !== origin.namespace) {
    ref.namespace = namespace;
    addGrant(ctx, origin, {
      fromKind: routeKind,
      fromNamespace: origin.namespace,
      toKind: 'Service',
      toNamespace: namespace,
      toName: name,
    });
  }
  if (port !== undefined) ref.port = port;
  return ref;
}

/**
 * Proposes a Service selecting the subset's pods (the base Service's selector plus the subset
 * labels) and returns its name; the user reviews it before applying.
 */
function subsetService(
  ctx: MigrationContext,
  origin: Origin,
  dest: Destination,
  path: Array<string | number>,
  name: string,
  namespace: string,
): string | undefined {
  const rule = ctx.destinationRules.find((dr) => {
    const r = resolveHost(dr.spec.host, dr.metadata.namespace ?? origin.namespace, ctx.services);
    return !('external' in r) && r.name === name && r.namespace === namespace;
  });
  const subset = rule?.spec.subsets?.find((s) => s.name === dest.subset);
  if (!subset) {
    report(
      ctx,
      origin,
      [...path, 'subset'],
      'warning',
      `subset ${dest.subset ?? ''} of ${name}.${namespace} is not defined by any DestinationRule in the input; routed to the whole Service ${namespace}/${name}`,
    );
    return undefined;
  }
  const svc = findService(ctx.services, name, namespace);
  const subsetName = dnsLabel(`${name}-${subset.name}`);
  emit(
    ctx,
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: subsetName, namespace },
      spec: {
        selector: { ...(svc?.selector ?? { app: name }), ...(subset.labels ?? {}) },
        ports: (svc?.ports ?? [{ port: dest.port?.number ?? 80 }]).map((p) => ({ ...p, targetPort: p.port })),
      },
    },
    { kind: 'DestinationRule', namespace: rule?.metadata.namespace ?? namespace, name: rule?.metadata.name ?? name },
    true,
  );
  report(
    ctx,
    origin,
    [...path, 'subset'],
    'note',
    `subset ${subset.name} becomes the proposed Service ${namespace}/${subsetName} (selector ${JSON.stringify(subset.labels ?? {})} added to the Service's); check its targetPorts before applying`,
  );
  if (!svc)
    report(
      ctx,
      origin,
      [...path, 'host'],
      'warning',
      `Service ${namespace}/${name} is not in the cluster: the proposed subset Service guesses selector app=${name}`,
    );
  return subsetName;
}

/** Istio header operations → a header modifier filter body (`set`, `add`, `remove`). */
export function headerModifier(ops: HeaderOperations): Record<string, unknown> | undefined {
  const set = Object.entries(ops.set ?? {}).map(([name, value]) => ({ name, value }));
  const add = Object.entries(ops.add ?? {}).map(([name, value]) => ({ name, value }));
  const remove = ops.remove ?? [];
  if (set.length + add.length + remove.length === 0) return undefined;
  return { ...(set.length ? { set } : {}), ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) };
}

/** The request and response header filters for Istio `headers` (route or destination level). */
export function headerFilters(headers: { request?: HeaderOperations; response?: HeaderOperations } | undefined): unknown[] {
  const out: unknown[] = [];
  const req = headers?.request && headerModifier(headers.request);
  if (req) out.push({ type: 'RequestHeaderModifier', requestHeaderModifier: req });
  const res = headers?.response && headerModifier(headers.response);
  if (res) out.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: res });
  return out;
}
