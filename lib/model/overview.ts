/** The overview page's data: the walkthrough's steps as a live checklist, computed on the server. */

export interface CrdCheck {
  /** Plural resource name, e.g. `httproutes`. */
  resource: string;
  kind: string;
  present: boolean;
  /** `gateway.networking.k8s.io/bundle-version` annotation. */
  bundleVersion?: string;
  channel?: string;
  servedVersions: string[];
  storageVersion?: string;
  /** Only GRPCRoute is optional (Gateway API v1.1 and ASM 1.22 onwards). */
  optional: boolean;
}

export interface MeshConfigCheck {
  /** The mesh control plane's context, when the user marked another context than the one viewed. */
  context?: string;
  /** Why the mesh control plane could not be read. */
  problem?: string;
  /** False on plain Kubernetes: the ASMMeshConfig CRD is not served. */
  served: boolean;
  exists: boolean;
  enabled: boolean;
  resourceVersion?: string;
}

export interface IngressGatewayInfo {
  namespace: string;
  name: string;
  type: string;
  /** The hostname a Gateway's `spec.addresses` uses to bind to it. */
  bindHostname: string;
  externalAddresses: string[];
  ports: Array<{ name?: string; port: number; protocol?: string }>;
  /** `namespace/name` of the Gateways bound to it through spec.addresses. */
  gateways: string[];
}

export type HealthState = 'ok' | 'warning' | 'error' | 'pending';

export interface Problem {
  severity: 'error' | 'warning';
  kind: string;
  namespace?: string;
  name: string;
  /** Condition type and reason as the status says them, e.g. `Accepted/NoMatchingListenerHostname`. */
  condition: string;
  message: string;
  /** Where to act on it (e.g. the Gateway and the certificate of a listener certificate problem). */
  links?: Array<{ label: string; href: string }>;
}

export interface HealthCounts {
  ok: number;
  warning: number;
  error: number;
  pending: number;
}

export interface Overview {
  context: string;
  crds: CrdCheck[];
  meshConfig: MeshConfigCheck;
  ingressGateways: IngressGatewayInfo[];
  health: { gateways: HealthCounts; listeners: HealthCounts; routes: HealthCounts };
  /** The first problems, errors first (the overview lists at most a hundred). */
  problems: Problem[];
  /** Every problem found, listed or not. */
  problemsTotal: number;
}

/** Problems the overview lists; the rest are counted and reached through the lists filtered by state. */
export const OVERVIEW_PROBLEMS = 100;

/** Errors before warnings, then by object, cut at `limit`: a large mesh's overview stays small. */
export function firstProblems(all: readonly Problem[], limit: number): Pick<Overview, 'problems' | 'problemsTotal'> {
  const rank = (p: Problem) => (p.severity === 'error' ? 0 : 1);
  const sorted = [...all].sort(
    (a, b) =>
      rank(a) - rank(b) || `${a.kind}/${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.kind}/${b.namespace ?? ''}/${b.name}`),
  );
  return { problems: sorted.slice(0, limit), problemsTotal: all.length };
}
