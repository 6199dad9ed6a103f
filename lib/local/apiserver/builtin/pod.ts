/**
 * core/v1 Pod. The local cluster runs no kubelet: pods are records (the seed writes the ingress
 * gateway's pod, Running and Ready) that the `pods/{name}/portforward` subresource forwards to
 * the process really serving that pod's Service (see ../portforward). Field names and list
 * semantics follow k8s.io/api/core/v1 types.go.
 */
import type { ResourceDef } from '../types';
import { open } from './container';
import { typeMetaProperties } from './object-meta';
import { podSpec } from './pod-spec';
import { AGE_COLUMN, builtin } from './resource-def';
import { atomicList, mapList, named, obj, oneOfStr, str, time } from './schema-dsl';

const CORE = 'io.k8s.api.core.v1';

/** `core/v1.PodCondition` (not metav1.Condition: reason and message are optional here). */
const podCondition = named(
  `${CORE}.PodCondition`,
  obj(
    'One aspect of the state of a pod (PodScheduled, Initialized, ContainersReady, Ready …).',
    {
      lastProbeTime: time('Last time the condition was probed.'),
      lastTransitionTime: time('Last time the condition changed status.'),
      message: str('Human readable details.'),
      reason: str('Reason of the last transition.'),
      status: oneOfStr('Status of the condition.', ['True', 'False', 'Unknown'], { default: '' }),
      type: str('Type of the condition.', { default: '' }),
    },
    { required: ['type', 'status'] },
  ),
);

const podIP = named(`${CORE}.PodIP`, obj('An IP address of the pod.', { ip: str('The IP address.', { default: '' }) }));

const podStatus = named(
  `${CORE}.PodStatus`,
  obj('Most recently observed status of the pod.', {
    conditions: mapList('Current service state of the pod.', podCondition, ['type'], 'type'),
    containerStatuses: atomicList('Status of each container.', open('A container status.')),
    hostIP: str('IP of the node the pod runs on.'),
    message: str('Human readable reason of the pod state.'),
    phase: oneOfStr('Lifecycle phase of the pod.', ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']),
    podIP: str('IP address of the pod.'),
    podIPs: mapList('IP addresses of the pod (at most one per family).', podIP, ['ip'], 'ip'),
    qosClass: str('Quality of service class.'),
    reason: str('Brief CamelCase reason of the pod state.'),
    startTime: time('When the kubelet acknowledged the pod.'),
  }),
);

/** The Pod resource definition (with the status subresource, as on a real cluster). */
export const podDef: ResourceDef = builtin({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  status: true,
  printerColumns: [
    { name: 'Status', type: 'string', jsonPath: '.status.phase' },
    { name: 'IP', type: 'string', jsonPath: '.status.podIP', priority: 1 },
    { name: 'Node', type: 'string', jsonPath: '.spec.nodeName', priority: 1 },
    AGE_COLUMN,
  ],
  schema: named(
    `${CORE}.Pod`,
    obj('A group of containers on one host.', { ...typeMetaProperties(), spec: podSpec, status: podStatus }),
  ),
});
