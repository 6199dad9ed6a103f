/** What the signed-in user may do, as /api/auth/permissions answers it (serializable, for the browser). */

/** One console action on one resource: `update` on `httproutes.gateway.networking.k8s.io`. */
export interface PermissionCheck {
  verb: string;
  /** API group, '' for the core group. */
  group: string;
  /** Plural resource name, e.g. `httproutes`. */
  resource: string;
  allowed: boolean;
  /** When refused: the sentence to show beside the disabled control. */
  reason?: string;
}

/** The permissions of the current user in one namespace of one context. */
export interface PermissionsView {
  context: string;
  /** The namespace asked about; '' for cluster-scoped questions only. */
  namespace: string;
  user: string;
  checks: PermissionCheck[];
}

/** The key of a check, e.g. `update httproutes.gateway.networking.k8s.io`. */
export function permissionKey(verb: string, resource: string, group: string): string {
  return `${verb} ${group ? `${resource}.${group}` : resource}`;
}

/** "you cannot update httproutes in namespace prod": what a disabled control says. */
export function cannotText(verb: string, resource: string, namespace: string): string {
  return `you cannot ${verb} ${resource}${namespace ? ` in namespace ${namespace}` : ''}`;
}
