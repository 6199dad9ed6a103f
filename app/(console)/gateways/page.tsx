import type { Metadata } from 'next';
import { CreateLink } from '@/components/authoring/create-link';
import { KindTabs } from '@/components/resources/kind-tabs';
import { ListPageBody } from '@/components/resources/list-page';
import { SectionPage } from '@/components/shell/section-page';
import { rowsForPage } from '@/lib/k8s/safe-list';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/gateways');

export const metadata: Metadata = { title: section.label };

export default async function GatewaysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const tab = params.tab === 'classes' ? 'classes' : 'gateways';
  const kind = tab === 'classes' ? 'GatewayClass' : 'Gateway';
  return (
    <SectionPage section={section}>
      <CreateLink href="/gateways/new" label="Create Gateway" kind="Gateway" />
      <KindTabs
        current={tab}
        tabs={[
          { id: 'gateways', label: 'Gateways', href: '/gateways' },
          { id: 'classes', label: 'Gateway classes', href: '/gateways?tab=classes' },
        ]}
      />
      <ListPageBody key={kind} kind={kind} first={await rowsForPage(kind, params)} />
    </SectionPage>
  );
}
