import type { Metadata } from 'next';
import { AuthoringPage } from '@/components/authoring/authoring-page';
import { newObjectYaml } from '@/lib/authoring/templates';
import { newObjectTarget } from '@/lib/k8s/apply-load';

export const metadata: Metadata = { title: 'New HTTPRoute' };

export default async function NewRoutePage() {
  const { context, apiVersion } = await newObjectTarget('HTTPRoute');
  return (
    <AuthoringPage
      title="New HTTPRoute"
      intro="Attach a route to a Gateway and send matching requests to a Service. Dry run first, then apply."
      context={context}
      kind="HTTPRoute"
      draftScope="new:HTTPRoute"
      initialText={newObjectYaml('HTTPRoute', apiVersion)}
    />
  );
}
