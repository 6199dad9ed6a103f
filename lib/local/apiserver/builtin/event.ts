/**
 * core/v1 Event, the kind `kubectl get events` and `kubectl describe` read.
 */
import type { ResourceDef } from '../types';
import { objectReference, typeMetaProperties } from './object-meta';
import { builtin } from './resource-def';
import { int32, named, obj, str, time } from './schema-dsl';

const CORE = 'io.k8s.api.core.v1';
const MICRO_TIME = { type: 'string', format: 'date-time' } as const;

/** The Event resource definition. */
export const eventDef: ResourceDef = builtin({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  shortNames: ['ev'],
  // kubectl shows LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; OBJECT is kind/name on a real server.
  printerColumns: [
    { name: 'Last Seen', type: 'date', jsonPath: '.lastTimestamp' },
    { name: 'Type', type: 'string', jsonPath: '.type' },
    { name: 'Reason', type: 'string', jsonPath: '.reason' },
    { name: 'Object', type: 'string', jsonPath: '.involvedObject.name' },
    { name: 'Message', type: 'string', jsonPath: '.message' },
    { name: 'Source', type: 'string', jsonPath: '.source.component', priority: 1 },
    { name: 'First Seen', type: 'date', jsonPath: '.firstTimestamp', priority: 1 },
    { name: 'Count', type: 'integer', jsonPath: '.count', priority: 1 },
  ],
  schema: named(
    `${CORE}.Event`,
    obj(
      'A report of an event somewhere in the cluster.',
      {
        ...typeMetaProperties(),
        action: str('What action was taken or failed regarding the involved object.'),
        count: int32('Number of times this event has occurred.'),
        eventTime: { ...MICRO_TIME, description: 'When this event was first observed (microsecond precision).' },
        firstTimestamp: time('When this event was first recorded.'),
        involvedObject: objectReference,
        lastTimestamp: time('When this event most recently occurred.'),
        message: str('Human-readable description of the status of this operation.'),
        reason: str("Short, machine understandable reason for the transition into the object's current status."),
        related: objectReference,
        reportingComponent: str('Name of the controller that emitted this event.', { default: '' }),
        reportingInstance: str('ID of the controller instance.', { default: '' }),
        series: named(
          `${CORE}.EventSeries`,
          obj('Data about a series of events that happen repeatedly.', {
            count: int32('Number of occurrences in this series up to the last heartbeat.'),
            lastObservedTime: { ...MICRO_TIME, description: 'Time of the last occurrence observed.' },
          }),
        ),
        source: named(
          `${CORE}.EventSource`,
          obj('The component reporting this event.', {
            component: str('Component from which the event is generated.'),
            host: str('Node name on which the event is generated.'),
          }),
        ),
        type: str('Type of this event (Normal, Warning).'),
      },
      { required: ['metadata', 'involvedObject'] },
    ),
  ),
});
