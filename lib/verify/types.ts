/**
 * Shapes shared by the verification library: the request Portico sends through a
 * gateway, where it sends it, and what came back. Plain data, serializable to the browser.
 */
import type { RouteKind } from '@/lib/gateway-api/types';

/** A part of a built request the user must fill in before sending (e.g. a complex regex). */
export interface NeedsInput {
  field: 'path' | 'header' | 'query' | 'host';
  /** Header or query parameter name, when the field is one. */
  name?: string;
  reason: string;
}

/** One request that exercises a route rule through one listener, editable before sending. */
export interface VerificationRequest {
  scheme: 'http' | 'https';
  /** Host header (and SNI for https); a wildcard is already replaced by a concrete label. */
  host: string;
  /** The listener port (before any local port mapping). */
  port: number;
  method: string;
  /** Path with query string, as it goes on the request line. */
  path: string;
  /** Extra request headers (not Host, which comes from {@link host}). */
  headers: Record<string, string>;
  /** TLS server name; defaults to {@link host} for https. */
  sni?: string;
  /** `namespace/name` of the Gateway. */
  gateway: string;
  listener: string;
  routeKind: RouteKind;
  /** `namespace/name` of the route. */
  route: string;
  ruleIndex: number;
  /** Which match of the rule the request was built from (absent: rule without matches). */
  matchIndex?: number;
  /** Send with HTTP/2 (gRPC needs it). */
  http2?: boolean;
  /** Why the request looks the way it does (wildcard replaced, alternatives left out …). */
  notes: string[];
  /** Parts that could not be derived and need the user; empty when ready to send. */
  needsInput: NeedsInput[];
}

/** How a target address was found, in discovery order. */
export type TargetKind = 'gateway-address' | 'load-balancer' | 'external-ip' | 'cluster-ip' | 'port-forward' | 'override';

/** Somewhere to send a verification request for one Gateway. */
export interface Target {
  kind: TargetKind;
  /** IP or hostname; empty for a port-forward marker (its local address is known only once it runs). */
  address: string;
  /** Whether {@link address} is an IP literal or a name that must be resolved (once) before use. */
  addressType: 'IP' | 'Hostname' | 'none';
  /** Human text of the path taken, e.g. "Gateway status address". */
  source: string;
  /** `namespace/name` of the ingress gateway Service, when one is involved. */
  service?: string;
  /** Listener port → port to connect to (local gateway remapping, e.g. 80 → 10080). */
  portMap: Record<number, number>;
}

/** An address and port to connect to (an IP, never resolved again). */
export interface SendTarget {
  address: string;
  port: number;
}

/** Phase durations in milliseconds, each measured from the previous phase's end. */
export interface Timings {
  /** Name resolution (0 when the target was already an IP). */
  dns: number;
  /** TCP handshake. */
  connect: number;
  /** TLS handshake (0 for http). */
  tls: number;
  /** Request written → first response byte (headers). */
  firstByte: number;
  /** Start → end of body (dns included). */
  total: number;
}

/** The certificate a TLS listener presented, reduced to what a user checks. */
export interface CertificateSummary {
  subject: string;
  /** DNS names and IP addresses of the subjectAltName extension. */
  sans: string[];
  issuer: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
  serialNumber: string;
  /** Whether the certificate names the requested host (RFC 6125 via tls.checkServerIdentity). */
  coversHost: boolean;
  /** Whether the chain is trusted by Node's CA store (verification is not enforced). */
  trusted: boolean;
  trustError?: string;
  /** Negotiated protocol, e.g. TLSv1.3. */
  protocol?: string;
  alpn?: string;
}

/** A response body made readable. */
export type RenderedBody =
  | { kind: 'empty'; size: 0; truncated: false }
  | { kind: 'json'; size: number; truncated: boolean; text: string; value: unknown }
  | { kind: 'text'; size: number; truncated: boolean; text: string }
  | { kind: 'binary'; size: number; truncated: boolean; hexHead: string };

/** Why a send produced no (complete) response. */
export type SendErrorCode = 'refused' | 'timeout' | 'tls' | 'reset' | 'guard' | 'aborted' | 'other';

/** Everything one send observed. Errors are data (`error`), never thrown. */
export interface VerificationResult {
  target: SendTarget;
  httpVersion?: string;
  status?: number;
  statusText?: string;
  /** Response headers, lower-case names, repeated values joined with ", " (set-cookie kept as list). */
  headers: Record<string, string | string[]>;
  body?: RenderedBody;
  timings: Timings;
  tls?: CertificateSummary;
  /** Redirects followed (only when asked), in order. */
  redirects: Array<{ status: number; location: string }>;
  error?: string;
  errorCode?: SendErrorCode;
}
