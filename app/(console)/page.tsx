import type { Metadata } from 'next';
import { OverviewView } from '@/components/overview/overview-view';
import { SectionPage } from '@/components/shell/section-page';
import { EmptyState } from '@/components/ui/empty-state';
import { describeError } from '@/lib/k8s/errors';
import { getOverview } from '@/lib/k8s/overview';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/');

export const metadata: Metadata = { title: section.label };

export default async function OverviewPage() {
  const overview = await getOverview().catch((err: unknown) => ({ error: describeError(err) }));
  return (
    <SectionPage section={section}>
      {'error' in overview ? (
        <EmptyState title="The cluster could not be read">
          <p role="alert">{overview.error}</p>
          <p>Check the connection shown at the top of the page, then reload.</p>
        </EmptyState>
      ) : (
        <OverviewView initial={overview} />
      )}
    </SectionPage>
  );
}
