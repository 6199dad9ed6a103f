/**
 * Authorization attributes of a request, as kube-apiserver's RequestInfoFactory derives them
 * (k8s.io/apiserver pkg/endpoints/request/requestinfo.go): `/api/v1/...` and
 * `/apis/{group}/{version}/...` with a resource are resource requests whose verb comes from the
 * method (GET without a name is list or watch, DELETE without one deletecollection); everything
 * else (/version, /api, /apis/{group}/{version}, /openapi/...) is a non-resource request whose
 * verb is the lower-case method.
 */
import type { UserInfo } from '../authn/user';
import type { GroupVersionPath, ResourcePath } from '../paths';

/** What the authorizer decides on (authorizer.Attributes). */
export interface Attributes {
  user: UserInfo;
  verb: string;
  resourceRequest: boolean;
  /** The URL path (non-resource requests are authorized on it). */
  path: string;
  namespace: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  name: string;
}

const RESOURCE_VERBS: Record<string, string> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** `metadata.name=x` (or `==`) in a field selector: a list or watch of one object is authorized on it. */
function nameFromFieldSelector(sel: string | null): string {
  if (!sel) return '';
  for (const term of sel.split(',')) {
    const m = /^\s*metadata\.name\s*==?\s*([^,\s]+)\s*$/.exec(term);
    if (m?.[1] && !/[/%]/.test(m[1]) && m[1] !== '.' && m[1] !== '..') return m[1];
  }
  return '';
}

/**
 * Attributes of one request. `parsed` is the path as the router parsed it (undefined for
 * paths outside /api and /apis).
 */
export function requestAttributes(
  user: UserInfo,
  method: string,
  pathname: string,
  query: URLSearchParams,
  parsed: ResourcePath | GroupVersionPath | undefined,
): Attributes {
  const base = { user, path: pathname, namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '' };
  if (!parsed || !('plural' in parsed)) return { ...base, verb: method.toLowerCase(), resourceRequest: false };
  let verb = RESOURCE_VERBS[method] ?? method.toLowerCase();
  let name = parsed.name ?? '';
  // `/api/v1/namespaces/{name}` is the namespace itself: its namespace is its name.
  let namespace = parsed.namespace ?? '';
  if (parsed.plural === 'namespaces' && parsed.name) namespace = parsed.name;
  if (!name && verb === 'get') {
    const w = query.get('watch');
    verb = w === 'true' || w === '1' ? 'watch' : 'list';
    name = nameFromFieldSelector(query.get('fieldSelector'));
  } else if (!name && verb === 'delete') {
    verb = 'deletecollection';
  }
  return {
    ...base,
    verb,
    resourceRequest: true,
    namespace,
    apiGroup: parsed.group,
    apiVersion: parsed.version,
    resource: parsed.plural,
    subresource: parsed.subresource ?? '',
    name,
  };
}
