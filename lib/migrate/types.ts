/**
 * Shapes of the Istio networking objects the migration reads (networking.istio.io v1alpha3,
 * v1beta1 and v1 share these fields) and of what it produces. Only the fields the conversion
 * looks at are typed; everything else is still visited so nothing is dropped silently.
 * @see https://istio.io/latest/docs/reference/config/networking/
 */

/** `metadata` as the migration needs it. */
export interface IstioMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}

/** A string match of Istio (`StringMatch`): exactly one of the three. */
export interface StringMatch {
  exact?: string;
  prefix?: string;
  regex?: string;
}

/** `Server` of an Istio Gateway. */
export interface IstioServer {
  port: { number: number; protocol: string; name?: string; targetPort?: number };
  hosts: string[];
  bind?: string;
  name?: string;
  tls?: {
    mode?: 'SIMPLE' | 'MUTUAL' | 'PASSTHROUGH' | 'AUTO_PASSTHROUGH' | 'ISTIO_MUTUAL' | 'OPTIONAL_MUTUAL';
    credentialName?: string;
    httpsRedirect?: boolean;
    [field: string]: unknown;
  };
}

/** networking.istio.io `Gateway`. */
export interface IstioGateway {
  apiVersion: string;
  kind: 'Gateway';
  metadata: IstioMeta;
  spec: { selector?: Record<string, string>; servers?: IstioServer[] };
}

/** `Destination` of a route. */
export interface Destination {
  host: string;
  subset?: string;
  port?: { number?: number };
}

/** `Headers` manipulation. */
export interface HeaderOperations {
  set?: Record<string, string>;
  add?: Record<string, string>;
  remove?: string[];
}

/** `HTTPMatchRequest`. */
export interface HttpMatch {
  name?: string;
  uri?: StringMatch;
  scheme?: StringMatch;
  method?: StringMatch;
  authority?: StringMatch;
  headers?: Record<string, StringMatch>;
  queryParams?: Record<string, StringMatch>;
  withoutHeaders?: Record<string, StringMatch>;
  ignoreUriCase?: boolean;
  port?: number;
  sourceLabels?: Record<string, string>;
  gateways?: string[];
  sourceNamespace?: string;
  statPrefix?: string;
}

/** `HTTPRouteDestination`. */
export interface HttpDestination {
  destination: Destination;
  weight?: number;
  headers?: { request?: HeaderOperations; response?: HeaderOperations };
}

/** `HTTPRoute` of a VirtualService (one entry of `spec.http`). */
export interface IstioHttpRoute {
  name?: string;
  match?: HttpMatch[];
  route?: HttpDestination[];
  redirect?: {
    uri?: string;
    authority?: string;
    port?: number;
    derivePort?: string;
    scheme?: string;
    redirectCode?: number;
  };
  directResponse?: { status: number; body?: unknown };
  delegate?: { name: string; namespace?: string };
  rewrite?: { uri?: string; authority?: string; uriRegexRewrite?: unknown };
  timeout?: string;
  retries?: { attempts?: number; perTryTimeout?: string; retryOn?: string; retryRemoteLocalities?: boolean };
  fault?: unknown;
  mirror?: Destination;
  mirrors?: Array<{ destination: Destination; percentage?: { value: number } }>;
  mirrorPercentage?: { value: number };
  mirror_percent?: number;
  corsPolicy?: {
    allowOrigin?: string[];
    allowOrigins?: StringMatch[];
    allowMethods?: string[];
    allowHeaders?: string[];
    exposeHeaders?: string[];
    maxAge?: string;
    allowCredentials?: boolean;
  };
  headers?: { request?: HeaderOperations; response?: HeaderOperations };
}

/** `TCPRoute` / `TLSRoute` entries of a VirtualService. */
export interface IstioL4Route {
  match?: Array<{ port?: number; sniHosts?: string[]; gateways?: string[]; [field: string]: unknown }>;
  route?: Array<{ destination: Destination; weight?: number }>;
}

/** networking.istio.io `VirtualService`. */
export interface VirtualService {
  apiVersion: string;
  kind: 'VirtualService';
  metadata: IstioMeta;
  spec: {
    hosts?: string[];
    gateways?: string[];
    http?: IstioHttpRoute[];
    tcp?: IstioL4Route[];
    tls?: IstioL4Route[];
    exportTo?: string[];
  };
}

/** networking.istio.io `DestinationRule` (only subsets matter here). */
export interface DestinationRule {
  apiVersion: string;
  kind: 'DestinationRule';
  metadata: IstioMeta;
  spec: { host: string; subsets?: Array<{ name: string; labels?: Record<string, string> }>; [field: string]: unknown };
}

/** Any Istio object the migration accepts. */
export type IstioObject = IstioGateway | VirtualService | DestinationRule;

/** What the target cluster's Gateway API CRDs offer (read from the installed schemas). */
export interface MigrationTarget {
  /** `gateway.networking.k8s.io/v1` (v1.0+) or `/v1beta1` (v0.6, ASM 1.18). */
  apiVersion: string;
  /** GatewayClass of the generated Gateways (ASM: `istio`). */
  gatewayClassName: string;
  grpcRoute: boolean;
  /** TCPRoute's served apiVersion (e.g. `gateway.networking.k8s.io/v1` from v1.5), absent when not served. */
  tcpRoute?: string;
  /** TLSRoute's served apiVersion, absent when not served. */
  tlsRoute?: string;
  /** HTTPRoute rule `timeouts`. */
  timeouts: boolean;
  /** HTTPRoute rule `retry`. */
  retry: boolean;
  /** The `CORS` filter. */
  cors: boolean;
  /** RequestMirror `percent`. */
  mirrorPercent: boolean;
}

/** A Service of the cluster, as far as the migration needs it (ingress gateway lookup, ports, subsets). */
export interface ServiceInfo {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  selector?: Record<string, string>;
  ports: Array<{ port: number; name?: string; appProtocol?: string }>;
}

/** Where a finding comes from: the object and the field path inside it. */
export interface SourceRef {
  kind: IstioObject['kind'];
  namespace: string;
  name: string;
  /** Field path in the source object, e.g. `['spec', 'http', 0, 'fault']`. */
  path: Array<string | number>;
}

/** Something the conversion could not carry over exactly (warning) or chose for the user (note). */
export interface MigrationFinding {
  severity: 'warning' | 'note';
  source: SourceRef;
  message: string;
}

/** One generated Gateway API (or core) object, with the source it came from. */
export interface GeneratedObject {
  object: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec: unknown };
  from: Array<Pick<SourceRef, 'kind' | 'namespace' | 'name'>>;
  /** A proposal to review (e.g. a per-subset Service), not a direct translation. */
  proposed?: boolean;
}

/** The result of a migration. */
export interface MigrationResult {
  objects: GeneratedObject[];
  findings: MigrationFinding[];
}
