/**
 * discovery.k8s.io/v1 EndpointSlice: the backends of a Service (label
 * `kubernetes.io/service-name`). Its lists are atomic upstream.
 */
import type { ResourceDef } from '../types';
import { objectReference, typeMetaProperties } from './object-meta';
import { AGE_COLUMN, builtin } from './resource-def';
import { atomicList, bool, int32, named, obj, oneOfStr, str, strMap, stringSet } from './schema-dsl';

const DISCOVERY = 'io.k8s.api.discovery.v1';

const forZone = named(
  `${DISCOVERY}.ForZone`,
  obj(
    'A zone that should consume this endpoint.',
    {
      name: str('Name of the zone.', { default: '' }),
    },
    { required: ['name'] },
  ),
);

const forNode = named(
  `${DISCOVERY}.ForNode`,
  obj(
    'A node that should consume this endpoint.',
    {
      name: str('Name of the node.', { default: '' }),
    },
    { required: ['name'] },
  ),
);

const endpoint = named(
  `${DISCOVERY}.Endpoint`,
  obj(
    'A single logical backend implementing a service.',
    {
      addresses: stringSet('Addresses of this endpoint, interpreted per the slice addressType (1 to 100 entries).'),
      conditions: named(
        `${DISCOVERY}.EndpointConditions`,
        obj('Current condition of an endpoint.', {
          ready: bool('Whether the endpoint is ready to receive traffic (nil means unknown).'),
          serving: bool('Like ready, but also true while terminating.'),
          terminating: bool('Whether the endpoint is terminating.'),
        }),
      ),
      deprecatedTopology: strMap('Deprecated topology information; use nodeName and zone instead.'),
      hints: named(
        `${DISCOVERY}.EndpointHints`,
        obj('Hints describing how the endpoint should be consumed.', {
          forNodes: atomicList('Nodes that should consume this endpoint.', forNode),
          forZones: atomicList('Zones that should consume this endpoint.', forZone),
        }),
      ),
      hostname: str('Hostname of this endpoint, a DNS label.'),
      nodeName: str('Name of the node hosting this endpoint.'),
      targetRef: objectReference,
      zone: str('Name of the zone this endpoint exists in.'),
    },
    { required: ['addresses'] },
  ),
);

const endpointPort = named(
  `${DISCOVERY}.EndpointPort`,
  obj(
    'A port used by an EndpointSlice.',
    {
      appProtocol: str('Application protocol of this port.'),
      name: str('Name of this port; must match a service port name when the slice belongs to a service.'),
      port: int32('Port number of the endpoint; unset means all ports.'),
      protocol: oneOfStr('IP protocol of this port.', ['SCTP', 'TCP', 'UDP']),
    },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
);

/** The EndpointSlice resource definition. */
export const endpointSliceDef: ResourceDef = builtin({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  printerColumns: [
    { name: 'AddressType', type: 'string', jsonPath: '.addressType' },
    { name: 'Ports', type: 'string', jsonPath: '.ports[*].port' },
    { name: 'Endpoints', type: 'string', jsonPath: '.endpoints[*].addresses[*]' },
    AGE_COLUMN,
  ],
  schema: named(
    `${DISCOVERY}.EndpointSlice`,
    obj(
      'A subset of the endpoints implementing a service.',
      {
        ...typeMetaProperties(),
        addressType: oneOfStr('Type of address carried by this slice.', ['IPv4', 'IPv6', 'FQDN']),
        endpoints: atomicList('Unique endpoints in this slice (at most 1000).', endpoint),
        ports: atomicList('Network ports exposed by each endpoint of this slice (at most 100).', endpointPort),
      },
      { required: ['addressType', 'endpoints'] },
    ),
  ),
});
