import type { Metadata } from 'next';
import { SectionPage } from '@/components/shell/section-page';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/certificates');

export const metadata: Metadata = { title: section.label };

export default function Page() {
  return <SectionPage section={section} />;
}
