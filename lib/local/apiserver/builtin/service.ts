/**
 * core/v1 Service, with the list semantics of k8s.io/api/core/v1 types.go: `spec.ports` is a
 * map list keyed by `port`+`protocol` and strategic-merged by `port`; `status.conditions` by `type`.
 */
import type { ResourceDef } from '../types';
import { condition, typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { atomicList, bool, int32, intOrString, mapList, named, obj, oneOfStr, str, strMap, stringList } from './schema-dsl';

const CORE = 'io.k8s.api.core.v1';
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

const servicePort = named(
  `${CORE}.ServicePort`,
  obj(
    'A port the service exposes.',
    {
      appProtocol: str('Application protocol of this port (IANA service name, or a prefixed name such as kubernetes.io/h2c).'),
      name: str('Name of this port, a DNS_LABEL; required when the service has more than one port.'),
      nodePort: int32('Port on each node on which this service is exposed when type is NodePort or LoadBalancer.'),
      port: int32('The port this service exposes.', { default: 0 }),
      protocol: oneOfStr('IP protocol of this port.', PROTOCOLS, { default: 'TCP' }),
      targetPort: intOrString('Number or name of the port to access on the pods the service targets; defaults to port.'),
    },
    { required: ['port'] },
  ),
);

const portStatus = named(
  `${CORE}.PortStatus`,
  obj(
    'Error condition of a service port.',
    {
      error: str('Problem with the service port, CamelCase reason or "<domain>/<reason>"; empty when fine.'),
      port: int32('Port number of the service port.', { default: 0 }),
      protocol: oneOfStr('Protocol of the service port.', PROTOCOLS, { default: '' }),
    },
    { required: ['port', 'protocol'] },
  ),
);

const loadBalancerIngress = named(
  `${CORE}.LoadBalancerIngress`,
  obj('An ingress point of a load balancer.', {
    hostname: str('Set for DNS-based load-balancer ingress points.'),
    ip: str('Set for IP-based load-balancer ingress points.'),
    ipMode: oneOfStr('How the load-balancer IP behaves.', ['VIP', 'Proxy']),
    ports: atomicList('Records of the service ports.', portStatus),
  }),
);

const serviceSpec = named(
  `${CORE}.ServiceSpec`,
  obj('Attributes a user sets on a service.', {
    allocateLoadBalancerNodePorts: bool('Whether NodePorts are allocated for a LoadBalancer service (default true).'),
    clusterIP: str('IP address of the service, usually assigned at random; "None" makes a headless service.'),
    clusterIPs: stringList('IP addresses of the service, one per IP family, the first equal to clusterIP.'),
    externalIPs: stringList('IPs for which nodes also accept traffic for this service.'),
    externalName: str('External reference (DNS name) returned as a CNAME for ExternalName services.'),
    externalTrafficPolicy: oneOfStr('How externally-originated traffic is distributed to endpoints.', ['Cluster', 'Local']),
    healthCheckNodePort: int32('Health-check node port, for LoadBalancer services with Local external traffic policy.'),
    internalTrafficPolicy: oneOfStr('How cluster-internal traffic is routed to endpoints.', ['Cluster', 'Local']),
    ipFamilies: stringList('IP families (IPv4, IPv6) assigned to this service.'),
    ipFamilyPolicy: oneOfStr('Dual-stack-ness requested for this service.', [
      'PreferDualStack',
      'RequireDualStack',
      'SingleStack',
    ]),
    loadBalancerClass: str('Class of the load balancer implementation this service belongs to.'),
    loadBalancerIP: str('Deprecated: requested load-balancer IP, when the cloud provider supports it.'),
    loadBalancerSourceRanges: stringList('Client IP ranges allowed through the cloud load balancer.'),
    ports: mapList('Ports exposed by this service.', servicePort, ['port', 'protocol'], 'port'),
    publishNotReadyAddresses: bool('Whether endpoints of not-ready pods are published for this service.'),
    selector: strMap('Routes traffic to pods whose labels match this selector.', true),
    sessionAffinity: oneOfStr('Session affinity: "ClientIP" or "None".', ['ClientIP', 'None']),
    sessionAffinityConfig: named(
      `${CORE}.SessionAffinityConfig`,
      obj('Configuration of session affinity.', {
        clientIP: named(
          `${CORE}.ClientIPConfig`,
          obj('ClientIP-based session affinity settings.', {
            timeoutSeconds: int32('Seconds of ClientIP session stickiness (1 to 86400, default 10800).'),
          }),
        ),
      }),
    ),
    trafficDistribution: str('Preference for how traffic is distributed to endpoints (e.g. PreferClose).'),
    type: oneOfStr('How the service is exposed.', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']),
  }),
);

const serviceStatus = named(
  `${CORE}.ServiceStatus`,
  obj('Current status of a service.', {
    conditions: mapList('Current service state.', condition, ['type'], 'type'),
    loadBalancer: named(
      `${CORE}.LoadBalancerStatus`,
      obj('Status of the load balancer, if one is present.', {
        ingress: atomicList('Ingress points of the load balancer.', loadBalancerIngress),
      }),
    ),
  }),
);

/** The Service resource definition. */
export const serviceDef: ResourceDef = builtin({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  status: true,
  printerColumns: [
    { name: 'Type', type: 'string', jsonPath: '.spec.type' },
    { name: 'Cluster-IP', type: 'string', jsonPath: '.spec.clusterIP' },
    { name: 'External-IP', type: 'string', jsonPath: '.status.loadBalancer.ingress[*].ip' },
    { name: 'Port(s)', type: 'string', jsonPath: '.spec.ports[*].port' },
    AGE_COLUMN,
    { name: 'Selector', type: 'string', jsonPath: '.spec.selector', priority: 1 },
  ],
  schema: named(
    `${CORE}.Service`,
    obj(
      'A named abstraction of a software service: a local port that a proxy listens on and the selector that picks the pods answering on it.',
      {
        ...typeMetaProperties(),
        spec: serviceSpec,
        status: serviceStatus,
      },
    ),
  ),
});
