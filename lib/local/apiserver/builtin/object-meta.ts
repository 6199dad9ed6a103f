/**
 * Shared `meta/v1` and `core/v1` building blocks every built-in kind embeds: ObjectMeta with
 * the strategic-merge metadata Kubernetes publishes for it (ownerReferences merged by `uid`,
 * finalizers merged as a set), ListMeta, ObjectReference and the `metav1.Condition` list.
 */
import type { SchemaNode } from '../types';
import { bool, int64, mapList, named, obj, str, strMap, stringSet, atomicList, time, oneOfStr } from './schema-dsl';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** `metav1.OwnerReference`: a struct Kubernetes marks atomic. */
export const ownerReference = named(
  `${META}.OwnerReference`,
  obj(
    'Identifies an owning object; the owner must live in the same namespace or be cluster-scoped.',
    {
      apiVersion: str('API version of the referent.', { default: '' }),
      blockOwnerDeletion: bool(
        'If true, the owner cannot be deleted from the key-value store until this reference is removed (foreground deletion).',
      ),
      controller: bool('If true, this reference points to the managing controller.'),
      kind: str('Kind of the referent.', { default: '' }),
      name: str('Name of the referent.', { default: '' }),
      uid: str('UID of the referent.', { default: '' }),
    },
    { required: ['apiVersion', 'kind', 'name', 'uid'], 'x-kubernetes-map-type': 'atomic' },
  ),
);

/** `metav1.ManagedFieldsEntry`: one field manager's ownership record (server-side apply). */
export const managedFieldsEntry = named(
  `${META}.ManagedFieldsEntry`,
  obj('Records which fields a manager owns and the operation that set them.', {
    apiVersion: str('Version of the resource the fieldset applies to.'),
    fieldsType: str('Format of the fields field; the only value is "FieldsV1".'),
    fieldsV1: named(`${META}.FieldsV1`, {
      type: 'object',
      description: 'The set of fields, as a trie of "f:<name>", "k:<keys>", "v:<value>" and "i:<index>" keys.',
    }),
    manager: str('Identifier of the workflow managing these fields.'),
    operation: str('Operation that created this entry: "Apply" or "Update".'),
    subresource: str('Subresource the object was updated through, empty for the main resource.'),
    time: time('When these fields were last changed (only for Update-operation entries with new ownership).'),
  }),
);

/** `metav1.ObjectMeta`, the `metadata` of every stored object. */
export const objectMeta = named(
  `${META}.ObjectMeta`,
  obj('Metadata every persisted resource carries.', {
    annotations: strMap('Unstructured key/value data stored with the object, not used for selection.'),
    creationTimestamp: time('When the object was created (server-set, read-only, RFC 3339, UTC).'),
    deletionGracePeriodSeconds: int64('Seconds allowed for graceful termination once deletion is requested (read-only).'),
    deletionTimestamp: time('When the object will be deleted (server-set when deletion is requested, read-only).'),
    finalizers: stringSet('Entries that must be removed before the object is deleted from the registry.', {
      'x-kubernetes-patch-strategy': 'merge',
    }),
    generateName: str('Prefix used to generate a unique name when name is not given.'),
    generation: int64('Sequence number of a specific generation of the desired state (server-set, read-only).'),
    labels: strMap('Key/value pairs used to organize and select objects (label selectors).'),
    managedFields: atomicList('Which field managers own which fields; maintained by the server.', managedFieldsEntry),
    name: str('Unique name within a namespace; cannot be updated.'),
    namespace: str('The namespace the object lives in; empty for cluster-scoped objects.'),
    ownerReferences: mapList('Objects this object depends on; used by garbage collection.', ownerReference, ['uid'], 'uid'),
    resourceVersion: str('Opaque version of the object for optimistic concurrency and watches (server-set, read-only).'),
    selfLink: str('Deprecated; not set by the server.'),
    uid: str('Unique id of the object in time and space (server-set, read-only).'),
  }),
);

/** `metav1.ListMeta`, the `metadata` of list responses. */
export const listMeta = named(
  `${META}.ListMeta`,
  obj('Metadata of synthetic list resources.', {
    continue: str('Token to fetch the next page when the list was limited.'),
    remainingItemCount: int64('Approximate number of items after this page.'),
    resourceVersion: str('Version of the store when the list was served.'),
    selfLink: str('Deprecated; not set by the server.'),
  }),
);

/** `core/v1.ObjectReference`, marked atomic by Kubernetes. */
export const objectReference = named(
  'io.k8s.api.core.v1.ObjectReference',
  obj(
    'A reference to another object, with enough information to inspect or modify it.',
    {
      apiVersion: str('API version of the referent.'),
      fieldPath: str('A field within the referent (e.g. "spec.containers{name}").'),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      namespace: str('Namespace of the referent.'),
      resourceVersion: str('Specific resourceVersion this reference was made to, if any.'),
      uid: str('UID of the referent.'),
    },
    { 'x-kubernetes-map-type': 'atomic' },
  ),
);

/** `metav1.Condition`, as embedded in status lists keyed by `type`. */
export const condition = named(
  `${META}.Condition`,
  obj(
    'One aspect of the current state of the resource.',
    {
      lastTransitionTime: time('When the condition last changed status.'),
      message: str('Human readable details about the transition.', { default: '' }),
      observedGeneration: int64('The .metadata.generation the condition was set from.'),
      reason: str('Machine readable CamelCase reason for the last transition.', { default: '' }),
      status: oneOfStr('Status of the condition.', ['True', 'False', 'Unknown'], { default: '' }),
      type: str('Type of the condition in CamelCase.', { default: '' }),
    },
    { required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'] },
  ),
);

/** The `apiVersion`, `kind` and `metadata` properties every top-level kind has. */
export function typeMetaProperties(): Record<string, SchemaNode> {
  return {
    apiVersion: str(
      'Versioned schema of this representation of the object; servers may convert recognized schemas to the latest internal value.',
    ),
    kind: str('REST resource this object represents, in CamelCase; servers may infer it from the endpoint.'),
    metadata: objectMeta,
  };
}
