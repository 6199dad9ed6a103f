/**
 * The Swagger 2.0 document of everything served, shaped like kube-apiserver's `/openapi/v2`.
 */
import type { JsonObject, ResourceDef } from '../types';
import { ComponentSet } from './components';
import { addKind, addSharedMeta } from './kinds';
import { type Operation, type PathSpec, type QueryParam, patchContentTypes, pathsOf } from './operations';
import { OPENAPI_INFO } from './v3';

const queryParamV2 = (p: QueryParam): JsonObject => ({
  uniqueItems: true,
  type: p.type,
  description: p.description,
  name: p.name,
  in: 'query',
});

const pathParamV2 = (name: string): JsonObject => ({
  uniqueItems: true,
  type: 'string',
  description: name === 'name' ? 'name of the object' : 'object name and auth scope, such as for teams and projects',
  name,
  in: 'path',
  required: true,
});

type Refs = { kind: string; list: string; status: string; patch: string; del: string };

function operationV2(def: ResourceDef, op: Operation, refs: Refs): JsonObject {
  const resultRef = op.result === 'kind' ? refs.kind : op.result === 'list' ? refs.list : refs.status;
  const parameters: JsonObject[] = [];
  if (op.body !== 'none') {
    const ref = op.body === 'kind' ? refs.kind : op.body === 'patch' ? refs.patch : refs.del;
    parameters.push({ name: 'body', in: 'body', required: op.body !== 'delete', schema: { $ref: ref } });
  }
  parameters.push(...op.params.map(queryParamV2));
  return {
    description: op.description,
    consumes: op.body === 'patch' ? patchContentTypes(def) : ['*/*'],
    produces: ['application/json', 'application/yaml'],
    schemes: ['https'],
    tags: [def.group === '' ? 'core_v1' : `${def.group}_${def.version}`],
    operationId: op.operationId,
    parameters,
    responses: {
      ...Object.fromEntries(
        op.codes.map((code) => [
          code,
          { description: code === '201' ? 'Created' : code === '202' ? 'Accepted' : 'OK', schema: { $ref: resultRef } },
        ]),
      ),
      '401': { description: 'Unauthorized' },
    },
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': { group: def.group, kind: def.kind, version: def.version },
  };
}

function pathItemV2(def: ResourceDef, spec: PathSpec, refs: Refs): JsonObject {
  const item: JsonObject = {};
  for (const op of spec.operations) item[op.method] = operationV2(def, op, refs);
  item.parameters = [
    ...spec.pathParams.map(pathParamV2),
    queryParamV2({ name: 'pretty', type: 'string', description: "If 'true', the output is pretty printed." }),
  ];
  return item;
}

/** The Swagger 2.0 document of every kind in `defs`. */
export function buildV2Document(defs: ResourceDef[]): JsonObject {
  const set = new ComponentSet('v2');
  addSharedMeta(set);
  const paths: JsonObject = {};
  const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';
  for (const def of defs) {
    const names = addKind(set, def);
    const refs: Refs = {
      kind: set.refTo(names.kind),
      list: set.refTo(names.list),
      status: set.refTo(`${meta}.Status`),
      patch: set.refTo(`${meta}.Patch`),
      del: set.refTo(`${meta}.DeleteOptions`),
    };
    for (const spec of pathsOf(def)) paths[spec.path] = pathItemV2(def, spec, refs);
  }
  return {
    swagger: '2.0',
    info: OPENAPI_INFO,
    paths,
    definitions: set.schemas,
    securityDefinitions: {
      BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' },
    },
    security: [{ BearerToken: [] }],
  };
}
