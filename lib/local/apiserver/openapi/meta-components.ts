/**
 * The meta/v1 types every group-version document refers to besides ObjectMeta: list metadata,
 * Status (the error body), DeleteOptions, Patch and WatchEvent.
 */
import { listMeta, objectMeta } from '../builtin/object-meta';
import { atomicList, bool, int32, int64, named, obj, str, stringList } from '../builtin/schema-dsl';
import type { SchemaNode } from '../types';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const statusCause = named(
  `${META}.StatusCause`,
  obj('More information about a failure, possibly naming the field that caused it.', {
    field: str('The field of the resource that caused the error, e.g. "spec.ports[0].port".'),
    message: str('Human-readable description of the cause.'),
    reason: str('Machine-readable description of the cause (e.g. FieldValueInvalid).'),
  }),
);

/** `metav1.Status`: the body of every error response. */
export const statusSchema = named(
  `${META}.Status`,
  obj('The return value of calls that do not return other objects.', {
    apiVersion: str('Versioned schema of this representation of the object.'),
    code: int32('Suggested HTTP return code for this status, 0 if not set.'),
    details: named(
      `${META}.StatusDetails`,
      obj('Extended data about the failure.', {
        causes: atomicList('The individual causes of the failure.', statusCause),
        group: str('Group of the resource the status is about.'),
        kind: str('Kind of the resource the status is about.'),
        name: str('Name of the resource the status is about.'),
        retryAfterSeconds: int32('Seconds to wait before retrying.'),
        uid: str('UID of the resource the status is about.'),
      }),
    ),
    kind: str('REST resource this object represents.'),
    message: str('Human-readable description of the status.'),
    metadata: listMeta,
    reason: str('Machine-readable description of why the operation is in the "Failure" status (e.g. NotFound).'),
    status: str('"Success" or "Failure".'),
  }),
);

/** `metav1.DeleteOptions`: the optional body of delete requests. */
export const deleteOptionsSchema = named(
  `${META}.DeleteOptions`,
  obj('Options for a delete request.', {
    apiVersion: str('Versioned schema of this representation of the object.'),
    dryRun: stringList('When present ("All"), modifications are not persisted.'),
    gracePeriodSeconds: int64('Seconds before the object should be deleted.'),
    kind: str('REST resource this object represents.'),
    orphanDependents: bool('Deprecated: use propagationPolicy.'),
    preconditions: named(
      `${META}.Preconditions`,
      obj('Conditions that must hold before the delete is carried out.', {
        resourceVersion: str('The target resourceVersion.'),
        uid: str('The target UID.'),
      }),
    ),
    propagationPolicy: str('Whether and how garbage collection is performed: Orphan, Background or Foreground.'),
  }),
);

/** `metav1.Patch`: the (opaque) body of patch requests. */
export const patchSchema = named(`${META}.Patch`, {
  type: 'object',
  description: 'A patch body: JSON patch, JSON merge patch, strategic merge patch or apply configuration.',
});

/** `metav1.WatchEvent`: one event of a watch stream. */
export const watchEventSchema = named(
  `${META}.WatchEvent`,
  obj(
    'An event in a watch stream.',
    {
      object: named('io.k8s.apimachinery.pkg.runtime.RawExtension', {
        type: 'object',
        description:
          'The object: for ADDED and MODIFIED its new state, for DELETED its last state, for BOOKMARK only its resourceVersion, for ERROR a Status.',
      }),
      type: str('ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.', { default: '' }),
    },
    { required: ['type', 'object'] },
  ),
);

/** Every shared meta component a group-version document carries. */
export const SHARED_META: SchemaNode[] = [objectMeta, listMeta, statusSchema, deleteOptionsSchema, patchSchema, watchEventSchema];
