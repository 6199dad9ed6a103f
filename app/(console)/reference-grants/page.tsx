import type { Metadata } from 'next';
import { CreateLink } from '@/components/authoring/create-link';
import { ListPageBody } from '@/components/resources/list-page';
import { SectionPage } from '@/components/shell/section-page';
import { listForPage } from '@/lib/k8s/safe-list';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/reference-grants');

export const metadata: Metadata = { title: section.label };

export default async function ReferenceGrantsPage() {
  return (
    <SectionPage section={section}>
      <CreateLink href="/reference-grants/new" label="Create ReferenceGrant" kind="ReferenceGrant" />
      <ListPageBody kind="ReferenceGrant" list={await listForPage('ReferenceGrant')} />
    </SectionPage>
  );
}
