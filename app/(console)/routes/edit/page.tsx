import type { Metadata } from 'next';
import { AuthoringPage } from '@/components/authoring/authoring-page';
import { loadForEdit } from '@/lib/k8s/apply-load';

export const metadata: Metadata = { title: 'Edit HTTPRoute' };

export default async function EditHTTPRoutePage({
  searchParams,
}: {
  searchParams: Promise<{ namespace?: string; name?: string }>;
}) {
  const { namespace = 'default', name = '' } = await searchParams;
  const loaded = await loadForEdit('HTTPRoute', namespace, name);
  if (!loaded.ok)
    return (
      <p className="inline-error" role="alert">
        {loaded.error}
      </p>
    );
  return (
    <AuthoringPage
      title={`Edit HTTPRoute ${namespace}/${name}`}
      intro="Changes are checked by a dry run and applied with server-side apply; if someone else changes the object meanwhile, you are asked before anything is overwritten."
      context={loaded.context}
      kind="HTTPRoute"
      draftScope={`edit:${loaded.ref}`}
      initialText={loaded.yaml}
      initialExpected={{ [loaded.ref]: loaded.resourceVersion }}
    />
  );
}
