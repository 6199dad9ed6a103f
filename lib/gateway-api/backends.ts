/**
 * Resolution of a route's backendRefs against Services and ReferenceGrants.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#backendref
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routeconditionreason (ResolvedRefs)
 */
import { cond, RouteReason, type ConditionDraft } from './conditions';
import { findReferenceGrant } from './reference-grants';
import type { SnapshotIndex } from './snapshot-index';
import type { AnyRoute, BackendObjectReference, ResolvedBackend, ResolvedRule, RouteKind } from './types';
import { GATEWAY_GROUP } from './types';

/**
 * Service `appProtocol` values an HTTP or gRPC route can speak to
 * (GEP-1911: `kubernetes.io/h2c`, `kubernetes.io/ws`, `kubernetes.io/wss`, and the IANA names).
 */
const HTTP_APP_PROTOCOLS = new Set([
  'http',
  'https',
  'http2',
  'h2c',
  'grpc',
  'grpc-web',
  'kubernetes.io/h2c',
  'kubernetes.io/ws',
  'kubernetes.io/wss',
]);

/** Resolves one backendRef. Checks follow the spec order: kind, ReferenceGrant, Service, port, protocol. */
export function resolveBackend(
  route: AnyRoute,
  kind: RouteKind,
  ref: BackendObjectReference & { weight?: number },
  index: SnapshotIndex,
): ResolvedBackend {
  const routeNs = route.metadata.namespace ?? '';
  const group = ref.group ?? '';
  const refKind = ref.kind ?? 'Service';
  const ns = ref.namespace ?? routeNs;
  const out: ResolvedBackend = {
    group,
    kind: refKind,
    namespace: ns,
    name: ref.name,
    weight: ref.weight ?? 1,
    valid: false,
    endpoints: 0,
    crossNamespace: ns !== routeNs,
  };
  if (ref.port !== undefined) out.port = ref.port;
  const key = `${ns}/${ref.name}`;
  if ((group !== '' && group !== 'core') || refKind !== 'Service') {
    return fail(out, RouteReason.InvalidKind, `backendRef ${group || 'core'}/${refKind} ${key}: only Services are supported`);
  }
  // Same namespace needs no grant; skipping the lookup matters on large clusters.
  const grant =
    ns === routeNs
      ? 'same-namespace'
      : findReferenceGrant(
          index.grants,
          { group: GATEWAY_GROUP, kind, namespace: routeNs },
          { group: '', kind: 'Service', namespace: ns, name: ref.name },
        );
  if (!grant) {
    return fail(
      out,
      RouteReason.RefNotPermitted,
      `backendRef to Service ${key} in another namespace is not permitted: add a ReferenceGrant in namespace ${ns} from ${kind}s in ${routeNs}`,
    );
  }
  if (grant !== 'same-namespace') out.referenceGrant = grant;
  const svc = index.services.get(key);
  if (!svc) return fail(out, RouteReason.BackendNotFound, `Service ${key} not found`);
  out.service = key;
  out.endpoints = index.endpoints.get(key) ?? 0;
  if (ref.port === undefined)
    return fail(out, RouteReason.BackendNotFound, `backendRef to Service ${key} has no port (required for Services)`);
  const port = (svc.spec.ports ?? []).find((p) => p.port === ref.port);
  if (!port) {
    const have = (svc.spec.ports ?? []).map((p) => p.port).join(', ') || 'none';
    return fail(out, RouteReason.BackendNotFound, `Service ${key} has no port ${ref.port} (ports: ${have})`);
  }
  if (
    port.protocol === 'UDP' ||
    port.protocol === 'SCTP' ||
    (port.appProtocol && !HTTP_APP_PROTOCOLS.has(port.appProtocol.toLowerCase()))
  ) {
    return fail(
      out,
      RouteReason.UnsupportedProtocol,
      `Service ${key} port ${ref.port} speaks ${port.appProtocol ?? port.protocol}, which a ${kind} cannot use`,
    );
  }
  out.valid = true;
  return out;
}

function fail(out: ResolvedBackend, problem: NonNullable<ResolvedBackend['problem']>, message: string): ResolvedBackend {
  out.problem = problem;
  out.message = message;
  return out;
}

/** Resolves every rule's backendRefs, in spec order. */
export function resolveRules(route: AnyRoute, kind: RouteKind, index: SnapshotIndex): ResolvedRule[] {
  return (route.spec.rules ?? []).map((rule, i) => {
    const r: ResolvedRule = { index: i, backends: (rule.backendRefs ?? []).map((b) => resolveBackend(route, kind, b, index)) };
    if (rule.name) r.name = rule.name;
    return r;
  });
}

const RESOLVED: ConditionDraft = cond('ResolvedRefs', true, RouteReason.ResolvedRefs, 'All references resolved');

/** The route's ResolvedRefs condition: the first unresolved backendRef decides the reason. */
export function resolvedRefsCondition(rules: readonly ResolvedRule[]): ConditionDraft {
  let first: ResolvedBackend | undefined;
  let count = 0;
  for (const r of rules) {
    for (const b of r.backends) {
      if (b.valid) continue;
      first ??= b;
      count++;
    }
  }
  if (!first?.problem) return RESOLVED;
  const more = count > 1 ? ` (and ${count - 1} more unresolved backendRef${count > 2 ? 's' : ''})` : '';
  return cond('ResolvedRefs', false, first.problem, `${first.message ?? ''}${more}`);
}
