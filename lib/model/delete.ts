/** Shapes of the delete flow, shared by the server action and the confirmation dialog. */

/** The kinds the console deletes from their detail pages. */
export const deletableKinds = ['Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant'] as const;
export type DeletableKind = (typeof deletableKinds)[number];

/** One object a delete affects, and how. */
export interface DeleteEffect {
  kind: string;
  namespace: string;
  name: string;
  href?: string;
  effect: string;
}

/** What the confirmation shows before anything is deleted. */
export interface DeletePreview {
  context: string;
  kind: DeletableKind;
  namespace: string;
  name: string;
  /** The version the user confirms: the delete is refused (409) if the object changed since. */
  resourceVersion?: string;
  affected: DeleteEffect[];
}

/** What the API says after the delete: gone, or still terminating behind finalizers. */
export interface DeleteOutcome {
  state: 'deleted' | 'terminating';
  finalizers?: string[];
}
