import 'server-only';
import { reviewAccess, type AccessQuestion } from '@/lib/k8s/access-review';
import { describeError } from '@/lib/k8s/errors';
import { cannotText, type PermissionsView } from '@/lib/model/permissions';
import type { Session } from './session';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const EDITED = ['gateways', 'httproutes', 'grpcroutes', 'referencegrants'];
// patch: server-side apply (the YAML editor and forms) is a PATCH, authorized as verb patch.
const VERBS = ['create', 'update', 'patch', 'delete'];
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The questions behind the console's edit controls in `namespace`. */
export function consoleQuestions(namespace: string): AccessQuestion[] {
  const ns = namespace ? { namespace } : {};
  return [
    ...EDITED.flatMap((resource) => VERBS.map((verb) => ({ verb, group: GATEWAY_GROUP, resource, ...ns }))),
    ...VERBS.map((verb) => ({ verb, group: '', resource: 'secrets', ...ns })),
    // ASMMeshConfig is cluster-scoped: the Gateway API switch of the mesh.
    { verb: 'update', group: 'istio.alibabacloud.com', resource: 'asmmeshconfigs' },
  ];
}

/**
 * GET /api/auth/permissions?namespace=…&context=…: what the signed-in user may change there, each
 * refusal with the sentence the UI shows beside the disabled control.
 */
export async function permissionsResponse(request: Request, session: Session): Promise<Response> {
  const url = new URL(request.url);
  const namespace = url.searchParams.get('namespace') ?? '';
  // An empty context means the selected one (what the browser asks when it does not name one).
  const asked = url.searchParams.get('context') || undefined;
  if (namespace && !DNS_LABEL.test(namespace))
    return Response.json({ error: `"${namespace.slice(0, 64)}" is not a namespace name.` }, { status: 400 });
  try {
    const { context, answers } = await reviewAccess(consoleQuestions(namespace), asked);
    const view: PermissionsView = {
      context,
      namespace,
      user: session.user,
      checks: answers.map((a) => ({
        verb: a.verb,
        group: a.group,
        resource: a.resource,
        allowed: a.allowed,
        ...(a.allowed ? {} : { reason: cannotText(a.verb, a.resource, a.namespace ?? '') }),
      })),
    };
    return Response.json(view, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return Response.json(
      { error: `Could not ask the cluster what you may do: ${describeError(err)}. Check the cluster connection, then retry.` },
      { status: 502 },
    );
  }
}
