import type { Metadata } from 'next';
import { CreateLink } from '@/components/authoring/create-link';
import { KindTabs } from '@/components/resources/kind-tabs';
import { ListPageBody } from '@/components/resources/list-page';
import { SectionPage } from '@/components/shell/section-page';
import { rowsForPage } from '@/lib/k8s/safe-list';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/routes');

export const metadata: Metadata = { title: section.label };

export default async function RoutesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const tab = params.tab === 'grpc' ? 'grpc' : 'http';
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
      <ListPageBody key={kind} kind={kind} first={await rowsForPage(kind, params)} />
    </SectionPage>
  );
}
