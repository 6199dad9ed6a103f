/**
 * Request path parsing, following kube-apiserver's RequestInfoFactory: `/api/v1/...` is the core
 * group, `/apis/{group}/{version}/...` the others; `namespaces/{ns}/` scopes a request unless the
 * next segment is a namespace subresource (`/api/v1/namespaces/x/status`).
 */

/** A parsed resource request path. */
export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  plural: string;
  name?: string;
  subresource?: string;
}

/** A parsed group-version path with no resource (discovery of one group version). */
export interface GroupVersionPath {
  group: string;
  version: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Parses `/api/...` or `/apis/...`; returns undefined for paths that are not under a group version. */
export function parseApiPath(pathname: string): ResourcePath | GroupVersionPath | undefined {
  const segs = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (segs[0] === 'api') {
    group = '';
    version = segs[1];
    rest = segs.slice(2);
  } else if (segs[0] === 'apis') {
    group = segs[1] ?? '';
    version = segs[2];
    rest = segs.slice(3);
  } else return undefined;
  if (!version) return undefined;
  if (rest.length === 0) return { group, version };
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2] ?? '')) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  if (!plural || extra.length > 0) return undefined;
  return { group, version, namespace, plural, name, subresource };
}

/** Type guard: does the path name a resource (rather than a group version)? */
export const isResourcePath = (p: ResourcePath | GroupVersionPath): p is ResourcePath => 'plural' in p;
