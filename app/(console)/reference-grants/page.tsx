import type { Metadata } from 'next';
import { CreateLink } from '@/components/authoring/create-link';
import { ListPageBody } from '@/components/resources/list-page';
import { SectionPage } from '@/components/shell/section-page';
import { rowsForPage } from '@/lib/k8s/safe-list';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/reference-grants');

export const metadata: Metadata = { title: section.label };

export default async function ReferenceGrantsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return (
    <SectionPage section={section}>
      <CreateLink href="/reference-grants/new" label="Create ReferenceGrant" kind="ReferenceGrant" />
      <ListPageBody kind="ReferenceGrant" first={await rowsForPage('ReferenceGrant', await searchParams)} />
    </SectionPage>
  );
}
