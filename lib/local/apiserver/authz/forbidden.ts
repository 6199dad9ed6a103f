/**
 * The 403 a denied request gets, worded as kube-apiserver's responsewriters.Forbidden and
 * apierrors.NewForbidden word it, so kubectl prints what a user sees on a real cluster:
 * `httproutes.gateway.networking.k8s.io "x" is forbidden: User "…" cannot update resource
 * "httproutes" in API group "gateway.networking.k8s.io" in the namespace "default"`.
 */
import { ApiError } from '../types';
import type { Attributes } from './attributes';

/** The sentence after "forbidden:" (forbiddenMessage). */
export function forbiddenMessage(a: Attributes): string {
  const user = JSON.stringify(a.user.username);
  if (!a.resourceRequest) return `User ${user} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = JSON.stringify(a.subresource ? `${a.resource}/${a.subresource}` : a.resource);
  const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `User ${user} cannot ${a.verb} resource ${resource} in API group ${JSON.stringify(a.apiGroup)} ${where}`;
}

/** 403 Forbidden for a denied request, with the authorizer's reason appended when it gave one. */
export function forbidden(a: Attributes, reason: string): ApiError {
  const msg = reason ? `${forbiddenMessage(a)}: ${reason}` : forbiddenMessage(a);
  if (!a.resourceRequest) return new ApiError(403, 'Forbidden', `forbidden: ${msg}`, {});
  const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  const subject = a.name ? `${qualified} ${JSON.stringify(a.name)}` : qualified;
  // StatusDetails fields are omitempty: no name on a create or list, no group for the core group.
  return new ApiError(403, 'Forbidden', `${subject} is forbidden: ${msg}`, {
    ...(a.name ? { name: a.name } : {}),
    ...(a.apiGroup ? { group: a.apiGroup } : {}),
    kind: a.resource,
  });
}
