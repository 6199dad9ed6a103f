/**
 * The REST operations of one served kind, described independently of the OpenAPI flavour:
 * which paths exist, which verbs they take, and which query parameters each verb accepts.
 * kubectl reads these: explain finds a kind's GVK on its paths, and apply checks that the
 * PATCH operation lists `fieldValidation` before relying on server-side field validation.
 */
import type { ResourceDef } from '../types';
import { groupVersionPrefix, operationGroupVersion } from './names';

/** A query parameter: name, JSON type and what it does. */
export interface QueryParam {
  name: string;
  type: 'string' | 'integer' | 'boolean';
  description: string;
}

const q = (name: string, type: QueryParam['type'], description: string): QueryParam => ({ name, type, description });

const DRY_RUN = q('dryRun', 'string', 'When present ("All"), modifications are not persisted.');
const FIELD_MANAGER = q('fieldManager', 'string', 'Name of the actor making the change, recorded in managedFields.');
const FIELD_VALIDATION = q(
  'fieldValidation',
  'string',
  'How the server treats unknown or duplicate fields: Ignore, Warn (the default) or Strict (reject the request).',
);
const FORCE = q('force', 'boolean', 'Force an apply request, taking ownership of conflicting fields.');
const LIST = [
  q('allowWatchBookmarks', 'boolean', 'Ask for BOOKMARK events in a watch.'),
  q('continue', 'string', 'Token of the next page of a limited list.'),
  q('fieldSelector', 'string', 'Restrict the list by fields (metadata.name, metadata.namespace).'),
  q('labelSelector', 'string', 'Restrict the list by labels.'),
  q('limit', 'integer', 'Maximum number of items to return.'),
  q('resourceVersion', 'string', 'Resource version the list or watch starts from.'),
  q('resourceVersionMatch', 'string', 'How resourceVersion applies to a list: Exact or NotOlderThan.'),
  q('sendInitialEvents', 'boolean', 'Start a watch with synthetic events for the current state.'),
  q('timeoutSeconds', 'integer', 'Timeout of the list or watch call.'),
  q('watch', 'boolean', 'Watch for changes instead of listing.'),
];
const DELETE = [
  DRY_RUN,
  q('gracePeriodSeconds', 'integer', 'Seconds before the object should be deleted.'),
  q('orphanDependents', 'boolean', 'Deprecated: use propagationPolicy.'),
  q('propagationPolicy', 'string', 'Garbage collection policy: Orphan, Background or Foreground.'),
];

/** What an operation takes and returns. */
export type Body = 'kind' | 'patch' | 'delete' | 'none';
export type Result = 'kind' | 'list' | 'status';

/** One operation on one path. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  action: 'get' | 'list' | 'post' | 'put' | 'patch' | 'delete' | 'deletecollection';
  operationId: string;
  description: string;
  params: QueryParam[];
  body: Body;
  result: Result;
  /** Success codes the real server documents. */
  codes: string[];
}

/** One path with its path parameters and operations. */
export interface PathSpec {
  path: string;
  pathParams: Array<'namespace' | 'name'>;
  operations: Operation[];
}

/** The paths of `def` (namespaced, all-namespaces and status ones as applicable). */
export function pathsOf(def: ResourceDef): PathSpec[] {
  const gv = operationGroupVersion(def.group, def.version);
  const base = groupVersionPrefix(def.group, def.version);
  const scope = def.namespaced ? 'Namespaced' : '';
  const id = (verb: string, suffix = '') => `${verb}${gv}${scope}${def.kind}${suffix}`;
  const collection = def.namespaced ? `${base}/namespaces/{namespace}/${def.plural}` : `${base}/${def.plural}`;
  const collectionParams: PathSpec['pathParams'] = def.namespaced ? ['namespace'] : [];
  const itemParams: PathSpec['pathParams'] = [...collectionParams, 'name'];
  const has = (verb: string) => def.verbs.includes(verb);
  const ops = (list: Array<Operation | false>) => list.filter((o): o is Operation => o !== false);
  const paths: PathSpec[] = [
    {
      path: collection,
      pathParams: collectionParams,
      operations: ops([
        has('list') && {
          method: 'get',
          action: 'list',
          operationId: id('list'),
          description: `list or watch objects of kind ${def.kind}`,
          params: LIST,
          body: 'none',
          result: 'list',
          codes: ['200'],
        },
        has('create') && {
          method: 'post',
          action: 'post',
          operationId: id('create'),
          description: `create a ${def.kind}`,
          params: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
          body: 'kind',
          result: 'kind',
          codes: ['200', '201', '202'],
        },
        has('deletecollection') && {
          method: 'delete',
          action: 'deletecollection',
          operationId: id('deleteCollection'),
          description: `delete collection of ${def.kind}`,
          params: [...DELETE, ...LIST],
          body: 'delete',
          result: 'status',
          codes: ['200'],
        },
      ]),
    },
    {
      path: `${collection}/{name}`,
      pathParams: itemParams,
      operations: ops([
        has('get') && {
          method: 'get',
          action: 'get',
          operationId: id('read'),
          description: `read the specified ${def.kind}`,
          params: [],
          body: 'none',
          result: 'kind',
          codes: ['200'],
        },
        has('update') && {
          method: 'put',
          action: 'put',
          operationId: id('replace'),
          description: `replace the specified ${def.kind}`,
          params: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
          body: 'kind',
          result: 'kind',
          codes: ['200', '201'],
        },
        has('patch') && {
          method: 'patch',
          action: 'patch',
          operationId: id('patch'),
          description: `partially update the specified ${def.kind}`,
          params: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE],
          body: 'patch',
          result: 'kind',
          codes: ['200', '201'],
        },
        has('delete') && {
          method: 'delete',
          action: 'delete',
          operationId: id('delete'),
          description: `delete a ${def.kind}`,
          params: DELETE,
          body: 'delete',
          result: 'status',
          codes: ['200', '202'],
        },
      ]),
    },
  ];
  if (def.namespaced && has('list')) {
    paths.push({
      path: `${base}/${def.plural}`,
      pathParams: [],
      operations: [
        {
          method: 'get',
          action: 'list',
          operationId: `list${gv}${def.kind}ForAllNamespaces`,
          description: `list or watch objects of kind ${def.kind}`,
          params: LIST,
          body: 'none',
          result: 'list',
          codes: ['200'],
        },
      ],
    });
  }
  if (def.subresources.status) {
    paths.push({
      path: `${collection}/{name}/status`,
      pathParams: itemParams,
      operations: [
        {
          method: 'get',
          action: 'get',
          operationId: id('read', 'Status'),
          description: `read status of the specified ${def.kind}`,
          params: [],
          body: 'none',
          result: 'kind',
          codes: ['200'],
        },
        {
          method: 'put',
          action: 'put',
          operationId: id('replace', 'Status'),
          description: `replace status of the specified ${def.kind}`,
          params: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
          body: 'kind',
          result: 'kind',
          codes: ['200', '201'],
        },
        {
          method: 'patch',
          action: 'patch',
          operationId: id('patch', 'Status'),
          description: `partially update status of the specified ${def.kind}`,
          params: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE],
          body: 'patch',
          result: 'kind',
          codes: ['200', '201'],
        },
      ],
    });
  }
  return paths.filter((p) => p.operations.length > 0);
}

/** Patch content types a kind accepts: strategic merge patch only for built-in kinds, as on a real server. */
export function patchContentTypes(def: ResourceDef): string[] {
  const types = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json'];
  return def.custom ? types : [...types, 'application/strategic-merge-patch+json'];
}
