import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getTopology } from '@/app/api/topology/engine-view';
import { SectionPage } from '@/components/shell/section-page';
import { TopologyView } from '@/components/topology/topology-view';
import { EmptyState } from '@/components/ui/empty-state';
import { describeError } from '@/lib/k8s/errors';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/topology');

export const metadata: Metadata = { title: section.label };

export default async function TopologyPage() {
  const data = await getTopology().catch((err: unknown) => ({ error: describeError(err) }));
  return (
    <SectionPage section={section}>
      {'error' in data ? (
        <EmptyState title="The topology could not be read">
          <p role="alert">{data.error}</p>
          <p>Check the connection shown at the top of the page, then reload.</p>
        </EmptyState>
      ) : (
        <Suspense fallback={<p className="loading">Loading the topology…</p>}>
          <TopologyView initial={data} />
        </Suspense>
      )}
    </SectionPage>
  );
}
