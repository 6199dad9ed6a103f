/**
 * ReferenceGrant, core Kubernetes kinds (Service, EndpointSlice, Secret
 * summary, Namespace) and the ASM mesh configuration.
 */
import type { ObjectMeta } from './meta';

/** `ReferenceGrantFrom`. */
export interface ReferenceGrantFrom {
  group: string;
  kind: string;
  namespace: string;
}

/** `ReferenceGrantTo`: `name` omitted = every object of that group/kind. */
export interface ReferenceGrantTo {
  group: string;
  kind: string;
  name?: string;
}

/**
 * `ReferenceGrant` (v1beta1 from v0.6; v1 from v1.5).
 * @see https://gateway-api.sigs.k8s.io/api-types/referencegrant/
 */
export interface ReferenceGrant {
  apiVersion?: string;
  kind?: 'ReferenceGrant';
  metadata: ObjectMeta;
  spec: { from: ReferenceGrantFrom[]; to: ReferenceGrantTo[] };
}

/** `ServicePort`. */
export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: 'TCP' | 'UDP' | 'SCTP' | string;
  appProtocol?: string;
  nodePort?: number;
}

/** Core `Service`, reduced. */
export interface Service {
  apiVersion?: string;
  kind?: 'Service';
  metadata: ObjectMeta;
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName' | string;
    clusterIP?: string;
    ports?: ServicePort[];
    selector?: Record<string, string>;
    externalName?: string;
  };
  status?: {
    loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> };
  };
}

/** `discovery.k8s.io/v1` `EndpointSlice`, reduced; linked to its Service by label. */
export interface EndpointSlice {
  apiVersion?: string;
  kind?: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType?: 'IPv4' | 'IPv6' | 'FQDN' | string;
  endpoints?: Array<{
    addresses: string[];
    conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  }>;
  ports?: Array<{ name?: string; port?: number; protocol?: string; appProtocol?: string }>;
}

/** Label linking an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A Secret without its data: type and key names only, never key material. */
export interface SecretSummary {
  metadata: ObjectMeta;
  type: string;
  keys: string[];
}

/** Core `Namespace` (labels drive `allowedRoutes` selectors). */
export interface Namespace {
  apiVersion?: string;
  kind?: 'Namespace';
  metadata: ObjectMeta;
}

/** ASM `ASMMeshConfig` (istio.alibabacloud.com/v1beta1), reduced. */
export interface ASMMeshConfig {
  apiVersion?: string;
  kind?: 'ASMMeshConfig';
  metadata: ObjectMeta;
  spec?: { enableGatewayAPI?: boolean; [key: string]: unknown };
}
