/**
 * State shared by the conversion steps: the target's capabilities, the cluster's Services, the
 * DestinationRules of the input, and the findings collected so far.
 */
import type {
  DestinationRule,
  GeneratedObject,
  IstioObject,
  MigrationFinding,
  MigrationTarget,
  ServiceInfo,
  SourceRef,
} from './types';

/** Where in the input a conversion step is. */
export interface Origin {
  kind: IstioObject['kind'];
  namespace: string;
  name: string;
}

/** The conversion's working state. */
export interface MigrationContext {
  target: MigrationTarget;
  services: readonly ServiceInfo[];
  destinationRules: readonly DestinationRule[];
  objects: GeneratedObject[];
  findings: MigrationFinding[];
  /** Generated Gateways by the `namespace/name` of their Istio Gateway. */
  gateways: Map<string, GatewayConversion>;
}

/** What a VirtualService needs to know about a converted Istio Gateway. */
export interface GatewayConversion {
  namespace: string;
  name: string;
  listeners: Array<{
    name: string;
    port: number;
    protocol: string;
    hostname?: string;
    serverIndex: number;
    /** The Istio server's protocol was GRPC: its VirtualServices become GRPCRoutes. */
    grpc?: boolean;
    /** The server had `tls.httpsRedirect`: only the generated redirect route attaches here. */
    redirectsToHttps?: boolean;
  }>;
}

/** Starts an empty context. */
export function newContext(
  target: MigrationTarget,
  services: readonly ServiceInfo[],
  destinationRules: readonly DestinationRule[],
): MigrationContext {
  return { target, services, destinationRules, objects: [], findings: [], gateways: new Map() };
}

/** Records a finding on a field of an input object. */
export function report(
  ctx: MigrationContext,
  origin: Origin,
  path: SourceRef['path'],
  severity: MigrationFinding['severity'],
  message: string,
): void {
  ctx.findings.push({ severity, message, source: { ...origin, path } });
}

/** Adds a generated object; an object of the same kind, namespace and name is merged by `merge` or kept once. */
export function emit(ctx: MigrationContext, obj: GeneratedObject['object'], from: Origin, proposed = false): GeneratedObject {
  const existing = ctx.objects.find(
    (o) =>
      o.object.kind === obj.kind &&
      o.object.metadata.name === obj.metadata.name &&
      (o.object.metadata.namespace ?? '') === (obj.metadata.namespace ?? ''),
  );
  if (existing) {
    if (!existing.from.some((f) => f.kind === from.kind && f.namespace === from.namespace && f.name === from.name)) {
      existing.from.push(from);
    }
    return existing;
  }
  const g: GeneratedObject = { object: obj, from: [from] };
  if (proposed) g.proposed = true;
  ctx.objects.push(g);
  return g;
}

/** A DNS-1123 label made from free text (object and listener names). */
export function dnsLabel(text: string, max = 63): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return (s || 'x').slice(0, max).replace(/-+$/, '');
}
