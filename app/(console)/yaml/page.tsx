import type { Metadata } from 'next';
import { WorkspaceLoader } from '@/components/authoring/workspace-loader';
import { SectionPage } from '@/components/shell/section-page';
import { editContext } from '@/lib/k8s/apply-load';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/yaml');

export const metadata: Metadata = { title: section.label };

export default async function YamlPage() {
  const context = await editContext();
  return (
    <SectionPage section={section}>
      <WorkspaceLoader context={context} draftScope="yaml" initialText="" showExamples />
    </SectionPage>
  );
}
