import type { Metadata } from 'next';
import { SectionPage } from '@/components/shell/section-page';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/');

export const metadata: Metadata = { title: section.label };

export default function Page() {
  return <SectionPage section={section} />;
}
