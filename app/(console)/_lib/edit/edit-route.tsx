import type { Metadata } from 'next';
import { AuthoringPage } from '@/components/authoring/authoring-page';
import type { FormKind } from '@/lib/authoring/form-kinds';
import { loadEdit } from '@/lib/k8s/apply-revisions';

type Search = { namespace?: string; name?: string; kind?: string; revision?: string };

/**
 * The edit page of a kind (`?namespace=&name=`, `&kind=` where one page edits two kinds,
 * `&revision=` to start from a recorded revision): every edit page is this with another kind.
 */
export function editRoute(fallback: FormKind) {
  return {
    metadata: { title: `Edit ${fallback}` } satisfies Metadata,
    async Page({ searchParams }: { searchParams: Promise<Search> }) {
      const { namespace = 'default', name = '', kind, revision } = await searchParams;
      const loaded = await loadEdit(kind, fallback, namespace, name, revision);
      if (!loaded.ok)
        return (
          <p className="inline-error" role="alert">
            {loaded.error}
          </p>
        );
      const rollback = loaded.revision !== undefined;
      return (
        <AuthoringPage
          title={
            rollback
              ? `Roll back ${loaded.kind} ${namespace}/${name} to revision ${loaded.revision}`
              : `Edit ${loaded.kind} ${namespace}/${name}`
          }
          intro={
            rollback
              ? 'The editor holds the recorded revision. Dry run to see the diff against the live object and the impact, then apply; if someone changed the object meanwhile, you are asked before anything is overwritten.'
              : 'Changes are checked by a dry run and applied with server-side apply; if someone else changes the object meanwhile, you are asked before anything is overwritten.'
          }
          context={loaded.context}
          kind={loaded.kind}
          draftScope={rollback ? `rollback:${loaded.ref}:${loaded.revision}` : `edit:${loaded.ref}`}
          initialText={loaded.yaml}
          initialExpected={{ [loaded.ref]: loaded.resourceVersion }}
        />
      );
    },
  };
}
