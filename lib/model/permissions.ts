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

/** What one control needs: `verb` on `resource` (of `group`) in `namespace` ('' = cluster scope). */
export interface PermissionNeed {
  verb: string;
  resource: string;
  group: string;
  namespace: string;
}

/** Where the answer for one namespace stands, as the browser's query for it does. */
export type PermissionsState =
  { status: 'pending' } | { status: 'error'; message: string } | { status: 'success'; view: PermissionsView };

/**
 * Whether a control is usable now, and the sentence shown next to it:
 * - `checking`: the answer is not in yet; the control is not usable (it must not flash as usable, then lock);
 * - `denied`: the API said no; `text` names each missing verb, resource and namespace;
 * - `unknown`: the question failed; the control stays usable (the API still decides) with a note saying so;
 * - `allowed`: nothing to say.
 */
export interface ControlAccess {
  state: 'checking' | 'allowed' | 'denied' | 'unknown';
  usable: boolean;
  text?: string;
}

/** Shown beside a control while its permissions are being asked. */
export const CHECKING_TEXT = 'Checking your permissions…';

/**
 * Decides a control's {@link ControlAccess} from what it needs and the answer per namespace. A
 * known refusal wins over answers still pending (it will not change), then pending, then failures;
 * a question the server did not answer (not among its checks) does not block: the API decides.
 */
export function controlAccess(needs: PermissionNeed[], stateOf: (namespace: string) => PermissionsState): ControlAccess {
  const denied: string[] = [];
  let pending = false;
  const failures: string[] = [];
  for (const need of needs) {
    const s = stateOf(need.namespace);
    if (s.status === 'pending') pending = true;
    else if (s.status === 'error') failures.push(s.message);
    else {
      const key = permissionKey(need.verb, need.resource, need.group);
      const check = s.view.checks.find((c) => permissionKey(c.verb, c.resource, c.group) === key);
      if (check && !check.allowed) denied.push(check.reason ?? cannotText(need.verb, need.resource, need.namespace));
    }
  }
  if (denied.length) return { state: 'denied', usable: false, text: `Not allowed: ${[...new Set(denied)].join('; ')}.` };
  if (pending) return { state: 'checking', usable: false, text: CHECKING_TEXT };
  if (failures.length)
    return {
      state: 'unknown',
      usable: true,
      text: `Could not check your permissions (${[...new Set(failures)].join('; ')}); the cluster still decides when you act.`,
    };
  return { state: 'allowed', usable: true };
}
