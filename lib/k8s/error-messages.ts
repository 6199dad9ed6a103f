/**
 * Plain-language messages for failed Kubernetes API calls. Pure (no client-node, no `server-only`) so
 * every mapping is unit-tested; `errors.ts` extracts a {@link ApiFailure} from whatever was thrown.
 */

/** What is known about one failed call: the API's Status fields and the request that failed. */
export interface ApiFailure {
  code?: number;
  reason?: string;
  message?: string;
  /** `Status.details`: for a refused or missing object the API names its group, resource and name. */
  details?: { group?: string; kind?: string; name?: string };
  method?: string;
  path?: string;
  /** The request was a watch (a long GET): the RBAC verb is `watch`. */
  watch?: boolean;
  /** A Node network error code (ECONNREFUSED …) when no HTTP answer arrived. */
  network?: string;
}

/** Where a request went, from its API path (`/apis/{group}/{version}[/namespaces/{ns}]/{resource}[/{name}]`). */
export interface ParsedPath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
}

/** Splits a Kubernetes REST path into group, version, namespace, resource and name. */
export function parseApiPath(path: string): ParsedPath | undefined {
  const parts = path.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  let rest: string[];
  let group = '';
  let version: string | undefined;
  if (parts[0] === 'api') [version, ...rest] = parts.slice(1);
  else if (parts[0] === 'apis') [group = '', version, ...rest] = parts.slice(1);
  else return undefined;
  if (!version) return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name] = rest;
  if (!resource) return undefined;
  return { group, version, resource, ...(namespace ? { namespace } : {}), ...(name ? { name } : {}) };
}

/** The RBAC verb a request needs (Kubernetes authorization overview, "Determine the request verb"). */
export function rbacVerb(method: string | undefined, hasName: boolean, watch = false): string {
  switch ((method ?? 'GET').toUpperCase()) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return watch ? 'watch' : hasName ? 'get' : 'list';
  }
}

// The apiserver's Forbidden message: `… User "u" cannot list resource "httproutes" in API group "g" in the namespace "prod"`.
const forbiddenPattern =
  /User "([^"]*)" cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)")?/;

/** One sentence that says what failed, why, and what to do; never a stack trace or a credential. */
export function explainFailure(f: ApiFailure): string {
  if (f.network) return networkMessage(f.network, f.message);
  const where = f.path ? parseApiPath(f.path) : undefined;
  if (f.code === 401) {
    return "the API server did not accept this context's credentials (401 Unauthorized): the token or client certificate is missing, expired or revoked. Refresh the kubeconfig (on ACK, download it again from the cluster's connection information) and retry.";
  }
  if (f.code === 403) return forbiddenMessage(f, where);
  if (f.code === 404 && where && !where.name && !f.details?.name) return missingResourceMessage(where);
  return (
    f.message?.split('\n')[0] || (f.code ? `the API answered HTTP ${f.code}${f.reason ? ` (${f.reason})` : ''}` : 'unknown error')
  );
}

function forbiddenMessage(f: ApiFailure, where: ParsedPath | undefined): string {
  const m = f.message ? forbiddenPattern.exec(f.message) : null;
  const verb = m?.[2] ?? rbacVerb(f.method, Boolean(where?.name ?? f.details?.name), f.watch);
  const resource = m?.[3] ?? f.details?.kind ?? where?.resource ?? 'this resource';
  const group = m ? (m[4] ?? '') : (f.details?.group ?? where?.group ?? '');
  const namespace = m ? m[5] : where?.namespace;
  const user = m?.[1];
  const scope = namespace ? `in namespace ${namespace}` : 'at cluster scope';
  const qualified = group ? `${resource}.${group}` : resource;
  return (
    `you cannot ${verb} ${resource} ${scope}: forbidden. ` +
    `${user ? `User ${user} needs` : 'These credentials need'} the RBAC verb "${verb}" on ${qualified}${namespace ? ` in ${namespace}` : ''}; ` +
    `ask a cluster administrator for a ${namespace ? 'Role' : 'ClusterRole'} and binding that grant it, or switch to a context that has it.`
  );
}

function missingResourceMessage(where: ParsedPath): string {
  const crd = where.group ? `${where.resource}.${where.group}` : where.resource;
  if (where.group === 'gateway.networking.k8s.io') {
    return `the CRD ${crd} (${where.version}) is not installed in this cluster (404): install the Gateway API component from the ACK add-ons page (or apply the Gateway API CRD bundle), then retry.`;
  }
  if (where.group === 'istio.alibabacloud.com') {
    return `the CRD ${crd} (${where.version}) is not served here (404): this context is not an ASM mesh instance. Mark the mesh instance's context as the mesh control plane in the header's context menu.`;
  }
  if (!where.group) return `the API server does not serve ${where.resource} in ${where.version} (404).`;
  return `the CRD ${crd} (${where.version}) is not installed in this cluster (404): install the component that provides it, then retry.`;
}

function networkMessage(code: string, message: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED':
      return "the API server refused the connection: is the cluster running? Check the context's server address, then retry.";
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return "the API server's name does not resolve: check the context's server address and your DNS or VPN, then retry.";
    case 'ECONNRESET':
      return 'the connection to the API server was cut (a watch interrupted, a proxy or the server restarted); the console reconnects on its own, retry if this stays.';
    case 'ETIMEDOUT':
    case 'TIMEOUT':
      return `the API server did not answer in time${message ? ` (${message})` : ''}: check the network path to it, then retry.`;
    default:
      return `the API server could not be reached (${code}${message ? `: ${message}` : ''}); retry.`;
  }
}
