/**
 * The one factory of React Query keys. Every read is keyed here so that invalidation after a write
 * or a watch event can address exactly the data it changed.
 */
export const k8sKeys = {
  all: ['k8s'] as const,
  cluster: () => [...k8sKeys.all, 'cluster'] as const,
  /** Every context the console offers, this browser's roles, and their reachability. */
  contexts: () => [...k8sKeys.all, 'contexts'] as const,
  list: (p: { context: string; group: string; kind: string; namespace?: string }) =>
    [...k8sKeys.all, 'list', p.context, p.group, p.kind, p.namespace ?? '*'] as const,
  /** One window of a list's rows as the server filtered and sorted them (`view`: the list's URL params). */
  rows: (p: { context: string; kind: string; view: string; window: number }) =>
    [...k8sKeys.all, 'rows', p.context, p.kind, p.view, p.window] as const,
  /** Server-computed views over the whole cluster (overview, problems, topology); refetched on any change. */
  derived: (p: { context: string; view: string }) => [...k8sKeys.all, 'derived', p.context, p.view] as const,
  /** What the signed-in user may change in a namespace (SelfSubjectAccessReview per edit control). */
  permissions: (p: { context: string; namespace: string }) => [...k8sKeys.all, 'permissions', p.context, p.namespace] as const,
  object: (p: { context: string; group: string; kind: string; namespace?: string; name: string }) =>
    [...k8sKeys.all, 'object', p.context, p.group, p.kind, p.namespace ?? '', p.name] as const,
};
