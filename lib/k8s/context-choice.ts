/**
 * The rules for which context a browser works in and which roles it gave each context. Pure (no
 * cookies, no client-node), so they are unit-tested; `current-context.ts` feeds them the request.
 */
import type { ClusterRoles } from '@/lib/model/cluster';

/** Cookie holding the context this browser chose. */
export const contextCookie = 'portico-context';
/** Cookie holding the mesh / data-plane roles this browser set. */
export const rolesCookie = 'portico-cluster-roles';

/**
 * The context to use: the browser's choice when the server knows it (a cookie is user input and may
 * name a context removed since), else the kubeconfig's current context, else the first known one.
 */
export function chooseContext(p: { chosen?: string; known: readonly string[]; fallback?: string }): string | undefined {
  if (p.chosen && p.known.includes(p.chosen)) return p.chosen;
  if (p.fallback && p.known.includes(p.fallback)) return p.fallback;
  return p.known[0];
}

/**
 * The roles stored in the cookie, reduced to known contexts. Defaults (the seed's single-cluster
 * case): the current context is both the mesh instance and the only data plane.
 */
export function parseRoles(
  raw: string | undefined,
  known: readonly string[],
  current: string,
): ClusterRoles & { defaulted: boolean } {
  const stored = decodeRoles(raw);
  const mesh = stored?.mesh && known.includes(stored.mesh) ? stored.mesh : undefined;
  const dataPlanes = [...new Set(stored?.dataPlanes ?? [])].filter((c) => known.includes(c));
  if (!mesh && dataPlanes.length === 0) return { mesh: current, dataPlanes: [current], defaulted: true };
  return { mesh: mesh ?? current, dataPlanes: dataPlanes.length ? dataPlanes : [current], defaulted: false };
}

/** The cookie value for roles (JSON, URI-encoded so it is a valid cookie value). */
export function encodeRoles(roles: ClusterRoles): string {
  return encodeURIComponent(JSON.stringify({ mesh: roles.mesh, dataPlanes: roles.dataPlanes }));
}

function decodeRoles(raw: string | undefined): Partial<ClusterRoles> | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    if (!value || typeof value !== 'object') return undefined;
    const v = value as { mesh?: unknown; dataPlanes?: unknown };
    return {
      ...(typeof v.mesh === 'string' ? { mesh: v.mesh } : {}),
      dataPlanes: Array.isArray(v.dataPlanes) ? v.dataPlanes.filter((d): d is string => typeof d === 'string') : [],
    };
  } catch {
    return undefined;
  }
}

/**
 * Gateways (`namespace/name`) of `here` that also exist in another data-plane cluster. ASM merges the
 * data planes' Gateways by namespace and name, so the last one applied overwrites the other.
 */
export function duplicateGateways(
  here: { context: string; gateways: readonly string[] },
  others: ReadonlyArray<{ context: string; gateways: readonly string[] }>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of here.gateways) {
    const also = others.filter((o) => o.context !== here.context && o.gateways.includes(key)).map((o) => o.context);
    if (also.length) out.set(key, also);
  }
  return out;
}

/** The seed's wording for a Gateway that exists in two data-plane clusters. */
export function duplicateGatewayMessage(key: string, contexts: readonly string[]): string {
  return `Gateway ${key} also exists in data-plane cluster ${contexts.join(', ')}: the last applied overwrites the other.`;
}
