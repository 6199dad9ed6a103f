/**
 * Binding of a Gateway to its data plane address.
 *
 * ASM (unlike upstream Istio) does not provision a data plane per Gateway:
 * `spec.addresses` of type Hostname names a pre-deployed ingress gateway
 * Service, `<service>.<namespace>.svc.cluster.local`, whose ports must be
 * opened before a listener can use them. A Gateway without addresses is
 * provisioned (upstream style); its address comes from the caller.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gatewayspecaddress
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gatewayconditionreason
 */
import { GatewayReason } from './conditions';
import type { SnapshotIndex } from './snapshot-index';
import type { Gateway, GatewayAddress, Service } from './types';
import { objectKey } from './types';

/** Outcome of binding one Gateway to an address. */
export interface AddressBinding {
  /** Gateways with the same shareKey share one data plane and therefore its ports. */
  shareKey?: string;
  /** `namespace/name` of the bound ingress gateway Service (ASM). */
  service?: string;
  /** Ports the data plane exposes; undefined = any port (provisioned data plane). */
  exposedPorts?: ReadonlySet<number>;
  /** Ports as text for messages, e.g. "80/TCP, 443/TCP". */
  portsText?: string;
  /** What goes into `status.addresses`. */
  statusAddresses: GatewayAddress[];
  /** Set when an address type is not supported: Gateway Accepted=False. */
  unsupported?: { reason: string; message: string };
  /** Set when the address cannot be used or assigned: Gateway Programmed=False. */
  problem?: { reason: string; message: string };
}

const SVC_HOST_RE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.cluster\.local)?$/;
const IPV4_RE = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Parses `<svc>.<ns>.svc[.cluster.local]` into a Service key, or undefined. */
export function serviceKeyFromHostname(hostname: string): string | undefined {
  const m = SVC_HOST_RE.exec(hostname);
  return m ? `${m[3]}/${m[1]}` : undefined;
}

/**
 * Binds a Gateway to its address (see module doc). `provisioned` is the
 * address the caller assigned to a Gateway without `spec.addresses`.
 */
export function bindAddress(gw: Gateway, index: SnapshotIndex, provisioned: string | undefined): AddressBinding {
  const requested = gw.spec.addresses ?? [];
  if (requested.length === 0) return bindProvisioned(gw, provisioned);
  const first = requested[0] as GatewayAddress;
  const type = first.type ?? 'IPAddress';
  if (type !== 'Hostname' && type !== 'IPAddress') {
    return {
      statusAddresses: [],
      unsupported: {
        reason: GatewayReason.UnsupportedAddress,
        message: `address type "${type}" is not supported; use Hostname (ASM ingress gateway Service) or IPAddress`,
      },
    };
  }
  const svc = type === 'Hostname' ? findByHostname(first.value, index) : findByIp(first.value, index);
  if (!svc.service) {
    return { statusAddresses: [], problem: { reason: GatewayReason.AddressNotUsable, message: svc.why } };
  }
  const service = svc.service;
  const key = objectKey(service);
  const ports = service.spec.ports ?? [];
  return {
    shareKey: `service:${key}`,
    service: key,
    exposedPorts: new Set(ports.map((p) => p.port)),
    portsText: ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') || 'none',
    statusAddresses: serviceAddresses(service, first),
  };
}

function bindProvisioned(gw: Gateway, provisioned: string | undefined): AddressBinding {
  if (!provisioned) {
    return {
      statusAddresses: [],
      problem: {
        reason: GatewayReason.AddressNotAssigned,
        message: `no address assigned yet to Gateway ${objectKey(gw)}: set spec.addresses to bind it to an ingress gateway Service`,
      },
    };
  }
  return {
    shareKey: `address:${provisioned}`,
    statusAddresses: [{ type: IPV4_RE.test(provisioned) ? 'IPAddress' : 'Hostname', value: provisioned }],
  };
}

function findByHostname(hostname: string, index: SnapshotIndex): { service?: Service; why: string } {
  const key = serviceKeyFromHostname(hostname);
  if (!key) {
    return { why: `address "${hostname}" is not an in-cluster Service hostname (<service>.<namespace>.svc.cluster.local)` };
  }
  const service = index.services.get(key);
  if (!service) {
    return {
      why: `ingress gateway Service ${key} (from address "${hostname}") not found: deploy the ingress gateway or fix spec.addresses`,
    };
  }
  return { service, why: '' };
}

function findByIp(ip: string, index: SnapshotIndex): { service?: Service; why: string } {
  const service = index.serviceByIp(ip);
  return service ? { service, why: '' } : { why: `no ingress gateway Service has address ${ip}` };
}

/** Load balancer addresses first (what clients use), else the cluster IP, else the requested value. */
function serviceAddresses(service: Service, requested: GatewayAddress): GatewayAddress[] {
  const out: GatewayAddress[] = [];
  for (const ing of service.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) out.push({ type: 'IPAddress', value: ing.ip });
    else if (ing.hostname) out.push({ type: 'Hostname', value: ing.hostname });
  }
  if (out.length > 0) return out;
  const ip = service.spec.clusterIP;
  if (ip && ip !== 'None') return [{ type: 'IPAddress', value: ip }];
  return [{ type: requested.type ?? 'IPAddress', value: requested.value }];
}
