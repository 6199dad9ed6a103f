/**
 * GatewayClass and Gateway, as Gateway API v1 (v1.1 … v1.6) defines them;
 * v1beta1 (v0.6) objects have the same shape for every field modelled here.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gateway
 */
import type { Condition, LabelSelector, ObjectMeta } from './meta';

/** API group of every Gateway API kind. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** `GatewayClass` (cluster-scoped). */
export interface GatewayClass {
  apiVersion?: string;
  kind?: 'GatewayClass';
  metadata: ObjectMeta;
  spec: {
    controllerName: string;
    parametersRef?: { group: string; kind: string; name: string; namespace?: string };
    description?: string;
  };
  status?: GatewayClassStatus;
}

/** `GatewayClassStatus`. */
export interface GatewayClassStatus {
  conditions?: Condition[];
  supportedFeatures?: Array<{ name: string } | string>;
}

/** `GatewayAddress` / `GatewaySpecAddress`: `type` defaults to `IPAddress`. */
export interface GatewayAddress {
  type?: 'IPAddress' | 'Hostname' | 'NamedAddress' | string;
  value: string;
}

/** `RouteGroupKind` used by `allowedRoutes.kinds` and `supportedKinds`. */
export interface RouteGroupKind {
  group?: string;
  kind: string;
}

/** `SecretObjectReference` (certificateRefs); group "" and kind Secret by default. */
export interface SecretObjectReference {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
}

/** `GatewayTLSConfig`. */
export interface GatewayTLSConfig {
  mode?: 'Terminate' | 'Passthrough';
  certificateRefs?: SecretObjectReference[];
  options?: Record<string, string>;
}

/** `AllowedRoutes`: defaults `namespaces.from: Same`, kinds from the protocol. */
export interface AllowedRoutes {
  namespaces?: {
    from?: 'All' | 'Same' | 'Selector' | 'None';
    selector?: LabelSelector;
  };
  kinds?: RouteGroupKind[];
}

/** `Listener`. */
export interface Listener {
  name: string;
  hostname?: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP' | string;
  tls?: GatewayTLSConfig;
  allowedRoutes?: AllowedRoutes;
}

/** `GatewaySpec`. */
export interface GatewaySpec {
  gatewayClassName: string;
  listeners: Listener[];
  addresses?: GatewayAddress[];
  infrastructure?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

/** `ListenerStatus`. */
export interface ListenerStatus {
  name: string;
  supportedKinds: RouteGroupKind[];
  attachedRoutes: number;
  conditions: Condition[];
}

/** `GatewayStatus`. */
export interface GatewayStatus {
  addresses?: GatewayAddress[];
  conditions?: Condition[];
  listeners?: ListenerStatus[];
}

/** `Gateway`. */
export interface Gateway {
  apiVersion?: string;
  kind?: 'Gateway';
  metadata: ObjectMeta;
  spec: GatewaySpec;
  status?: GatewayStatus;
}
