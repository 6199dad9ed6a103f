'use client';

/** Kinds that have a form. */
export type FormKind = 'Gateway' | 'HTTPRoute';

/** The form of a kind over the shared YAML draft. */
export function FormTab(props: { kind: FormKind; context: string; text: string; onText: (t: string) => void }) {
  return <p className="muted">The {props.kind} form is loading.</p>;
}
