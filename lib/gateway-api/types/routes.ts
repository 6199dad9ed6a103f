/**
 * HTTPRoute and GRPCRoute, as Gateway API v1 defines them (v1beta1 / v0.6
 * HTTPRoute has the same fields; GRPCRoute is v1 from v1.1, v1alpha2 before).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproute
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#grpcroute
 */
import type { Condition, ObjectMeta } from './meta';

/** `ParentReference`: group defaults to gateway.networking.k8s.io, kind to Gateway. */
export interface ParentReference {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
}

/** `HTTPHeader` (name/value), used by header modifiers. */
export interface HTTPHeader {
  name: string;
  value: string;
}

/** `HTTPHeaderFilter` (RequestHeaderModifier / ResponseHeaderModifier). */
export interface HTTPHeaderFilter {
  set?: HTTPHeader[];
  add?: HTTPHeader[];
  remove?: string[];
}

/** `HTTPPathModifier` used by RequestRedirect and URLRewrite. */
export interface HTTPPathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  replaceFullPath?: string;
  replacePrefixMatch?: string;
}

/** `HTTPRequestRedirectFilter`. */
export interface HTTPRequestRedirectFilter {
  scheme?: 'http' | 'https';
  hostname?: string;
  path?: HTTPPathModifier;
  port?: number;
  statusCode?: 301 | 302 | 303 | 307 | 308;
}

/** `HTTPURLRewriteFilter`. */
export interface HTTPURLRewriteFilter {
  hostname?: string;
  path?: HTTPPathModifier;
}

/** `BackendObjectReference`: group "" and kind Service by default. */
export interface BackendObjectReference {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
  port?: number;
}

/** `HTTPRequestMirrorFilter`. */
export interface HTTPRequestMirrorFilter {
  backendRef: BackendObjectReference;
  percent?: number;
  fraction?: { numerator: number; denominator?: number };
}

/** `LocalObjectReference` used by ExtensionRef filters. */
export interface LocalObjectReference {
  group: string;
  kind: string;
  name: string;
}

/** `HTTPRouteFilter` (a discriminated union on `type`, fields optional per the spec). */
export interface HTTPRouteFilter {
  type:
    | 'RequestHeaderModifier'
    | 'ResponseHeaderModifier'
    | 'RequestMirror'
    | 'RequestRedirect'
    | 'URLRewrite'
    | 'ExtensionRef'
    | 'CORS'
    | string;
  requestHeaderModifier?: HTTPHeaderFilter;
  responseHeaderModifier?: HTTPHeaderFilter;
  requestMirror?: HTTPRequestMirrorFilter;
  requestRedirect?: HTTPRequestRedirectFilter;
  urlRewrite?: HTTPURLRewriteFilter;
  extensionRef?: LocalObjectReference;
}

/** `HTTPPathMatch`: type defaults to PathPrefix, value to "/". */
export interface HTTPPathMatch {
  type?: 'Exact' | 'PathPrefix' | 'RegularExpression';
  value?: string;
}

/** `HTTPHeaderMatch`: type defaults to Exact. */
export interface HTTPHeaderMatch {
  type?: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

/** `HTTPQueryParamMatch`: type defaults to Exact. */
export interface HTTPQueryParamMatch {
  type?: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

/** `HTTPRouteMatch`. */
export interface HTTPRouteMatch {
  path?: HTTPPathMatch;
  headers?: HTTPHeaderMatch[];
  queryParams?: HTTPQueryParamMatch[];
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH' | string;
}

/** `HTTPBackendRef`: weight defaults to 1. */
export interface HTTPBackendRef extends BackendObjectReference {
  weight?: number;
  filters?: HTTPRouteFilter[];
}

/** `HTTPRouteRule`: matches default to a single PathPrefix "/" match. */
export interface HTTPRouteRule {
  name?: string;
  matches?: HTTPRouteMatch[];
  filters?: HTTPRouteFilter[];
  backendRefs?: HTTPBackendRef[];
  timeouts?: { request?: string; backendRequest?: string };
}

/** `RouteParentStatus`. */
export interface RouteParentStatus {
  parentRef: ParentReference;
  controllerName: string;
  conditions: Condition[];
}

/** `RouteStatus` (shared by every route kind). */
export interface RouteStatus {
  parents: RouteParentStatus[];
}

/** `HTTPRoute`. */
export interface HTTPRoute {
  apiVersion?: string;
  kind?: 'HTTPRoute';
  metadata: ObjectMeta;
  spec: {
    parentRefs?: ParentReference[];
    hostnames?: string[];
    rules?: HTTPRouteRule[];
  };
  status?: RouteStatus;
}

/** `GRPCMethodMatch`: type defaults to Exact; at least one of service/method. */
export interface GRPCMethodMatch {
  type?: 'Exact' | 'RegularExpression';
  service?: string;
  method?: string;
}

/** `GRPCHeaderMatch`. */
export interface GRPCHeaderMatch {
  type?: 'Exact' | 'RegularExpression';
  name: string;
  value: string;
}

/** `GRPCRouteMatch`. */
export interface GRPCRouteMatch {
  method?: GRPCMethodMatch;
  headers?: GRPCHeaderMatch[];
}

/** `GRPCRouteFilter` (no redirect / rewrite for gRPC). */
export interface GRPCRouteFilter {
  type: 'RequestHeaderModifier' | 'ResponseHeaderModifier' | 'RequestMirror' | 'ExtensionRef' | string;
  requestHeaderModifier?: HTTPHeaderFilter;
  responseHeaderModifier?: HTTPHeaderFilter;
  requestMirror?: HTTPRequestMirrorFilter;
  extensionRef?: LocalObjectReference;
}

/** `GRPCBackendRef`. */
export interface GRPCBackendRef extends BackendObjectReference {
  weight?: number;
  filters?: GRPCRouteFilter[];
}

/** `GRPCRouteRule`. */
export interface GRPCRouteRule {
  name?: string;
  matches?: GRPCRouteMatch[];
  filters?: GRPCRouteFilter[];
  backendRefs?: GRPCBackendRef[];
}

/** `GRPCRoute`. */
export interface GRPCRoute {
  apiVersion?: string;
  kind?: 'GRPCRoute';
  metadata: ObjectMeta;
  spec: {
    parentRefs?: ParentReference[];
    hostnames?: string[];
    rules?: GRPCRouteRule[];
  };
  status?: RouteStatus;
}

/** Either route kind the engine attaches. */
export type AnyRoute = HTTPRoute | GRPCRoute;

/** The route kinds the engine handles. */
export type RouteKind = 'HTTPRoute' | 'GRPCRoute';
