import type { Metadata } from 'next';
import { AuthoringPage } from '@/components/authoring/authoring-page';
import { newObjectYaml } from '@/lib/authoring/templates';
import { newObjectTarget } from '@/lib/k8s/apply-load';

export const metadata: Metadata = { title: 'New Gateway' };

export default async function NewGatewayPage() {
  const { context, apiVersion } = await newObjectTarget('Gateway');
  return (
    <AuthoringPage
      title="New Gateway"
      intro="Bind a Gateway to a pre-deployed ingress gateway and open listeners on it. Dry run first, then apply."
      context={context}
      kind="Gateway"
      draftScope="new:Gateway"
      initialText={newObjectYaml('Gateway', apiVersion)}
    />
  );
}
