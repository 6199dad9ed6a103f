/**
 * OpenAPI 3.0 documents, one per group-version, shaped like kube-apiserver's
 * `/openapi/v3/apis/<group>/<version>`.
 */
import type { JsonObject, ResourceDef } from '../types';
import { ComponentSet } from './components';
import { addKind, addSharedMeta } from './kinds';
import { type Operation, type PathSpec, type QueryParam, patchContentTypes, pathsOf } from './operations';

/** The `info.version` the documents report. */
export const OPENAPI_INFO = { title: 'Kubernetes', version: 'v1.32.0' };

const JSON_TYPES = ['application/json', 'application/yaml'];

const queryParamV3 = (p: QueryParam): JsonObject => ({
  name: p.name,
  in: 'query',
  description: p.description,
  schema: { type: p.type, uniqueItems: true },
});

const pathParamV3 = (name: string): JsonObject => ({
  name,
  in: 'path',
  description: name === 'name' ? 'name of the object' : 'object name and auth scope, such as for teams and projects',
  required: true,
  schema: { type: 'string', uniqueItems: true },
});

const content = (types: string[], ref: string): JsonObject =>
  Object.fromEntries(types.map((t) => [t, { schema: { $ref: ref } }]));

function operationV3(
  def: ResourceDef,
  op: Operation,
  refs: { kind: string; list: string; status: string; patch: string; del: string },
): JsonObject {
  const resultRef = op.result === 'kind' ? refs.kind : op.result === 'list' ? refs.list : refs.status;
  const out: JsonObject = {
    tags: [def.group === '' ? 'core_v1' : `${def.group}_${def.version}`],
    description: op.description,
    operationId: op.operationId,
    parameters: op.params.map(queryParamV3),
    responses: {
      ...Object.fromEntries(
        op.codes.map((code) => [
          code,
          {
            description: code === '201' ? 'Created' : code === '202' ? 'Accepted' : 'OK',
            content: content(JSON_TYPES, resultRef),
          },
        ]),
      ),
      '401': { description: 'Unauthorized' },
    },
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': { group: def.group, kind: def.kind, version: def.version },
  };
  if (op.body === 'kind') out.requestBody = { content: content(['*/*'], refs.kind), required: true };
  if (op.body === 'patch') out.requestBody = { content: content(patchContentTypes(def), refs.patch), required: true };
  if (op.body === 'delete') out.requestBody = { content: content(['*/*'], refs.del) };
  return out;
}

function pathItemV3(def: ResourceDef, spec: PathSpec, refs: Parameters<typeof operationV3>[2]): JsonObject {
  const item: JsonObject = {};
  for (const op of spec.operations) item[op.method] = operationV3(def, op, refs);
  item.parameters = [
    ...spec.pathParams.map(pathParamV3),
    queryParamV3({ name: 'pretty', type: 'string', description: "If 'true', the output is pretty printed." }),
  ];
  return item;
}

/** The OpenAPI 3.0 document of the kinds in `defs` (all of one group-version). */
export function buildV3Document(defs: ResourceDef[]): JsonObject {
  const set = new ComponentSet('v3');
  addSharedMeta(set);
  const paths: JsonObject = {};
  const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';
  for (const def of defs) {
    const names = addKind(set, def);
    const refs = {
      kind: set.refTo(names.kind),
      list: set.refTo(names.list),
      status: set.refTo(`${meta}.Status`),
      patch: set.refTo(`${meta}.Patch`),
      del: set.refTo(`${meta}.DeleteOptions`),
    };
    for (const spec of pathsOf(def)) paths[spec.path] = pathItemV3(def, spec, refs);
  }
  return {
    openapi: '3.0.0',
    info: OPENAPI_INFO,
    paths,
    components: {
      schemas: set.schemas,
      securitySchemes: {
        BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' },
      },
    },
    security: [{ BearerToken: [] }],
  };
}
