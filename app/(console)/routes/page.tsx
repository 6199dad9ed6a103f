import type { Metadata } from 'next';
import { CreateLink } from '@/components/authoring/create-link';
import { KindTabs } from '@/components/resources/kind-tabs';
import { ListPageBody } from '@/components/resources/list-page';
import { SectionPage } from '@/components/shell/section-page';
import { listForPage } from '@/lib/k8s/safe-list';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/routes');

export const metadata: Metadata = { title: section.label };

export default async function RoutesPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  const tab = (await searchParams).tab === 'grpc' ? 'grpc' : 'http';
  const kind = tab === 'grpc' ? 'GRPCRoute' : 'HTTPRoute';
  return (
    <SectionPage section={section}>
      <CreateLink href={tab === 'grpc' ? '/routes/new?kind=GRPCRoute' : '/routes/new'} label={`Create ${kind}`} kind={kind} />
      <KindTabs
        current={tab}
        tabs={[
          { id: 'http', label: 'HTTPRoutes', href: '/routes' },
          { id: 'grpc', label: 'GRPCRoutes', href: '/routes?tab=grpc' },
        ]}
      />
      <ListPageBody key={kind} kind={kind} list={await listForPage(kind)} />
    </SectionPage>
  );
}
