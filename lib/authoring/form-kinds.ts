/** The kinds the console has a form for (create and edit pages, history and rollback). */
export const formKinds = ['Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant'] as const;

/** A kind with a form. */
export type FormKind = (typeof formKinds)[number];

/** Narrows a string to a {@link FormKind}. */
export function isFormKind(v: unknown): v is FormKind {
  return typeof v === 'string' && (formKinds as readonly string[]).includes(v);
}
