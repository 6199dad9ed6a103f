import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { Suspense } from 'react';
import { getTopologyView } from '@/app/api/topology/engine-view';
import { SectionPage } from '@/components/shell/section-page';
import { FRAME_COOKIE, parseFrameSize } from '@/components/topology/frame-size';
import { TopologyView } from '@/components/topology/topology-view';
import { EmptyState } from '@/components/ui/empty-state';
import { describeError } from '@/lib/k8s/errors';
import { sectionByHref } from '@/lib/navigation';
import { scopeOptions } from '@/lib/topology/scope';

const section = sectionByHref('/topology');

export const metadata: Metadata = { title: section.label };

type Search = Record<string, string | string[] | undefined>;

function searchParamsOf(search: Search): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, x);
  return p;
}

export default async function TopologyPage({ searchParams }: { searchParams: Promise<Search> }) {
  // The link's filters decide what a large cluster sends (the server narrows it); a small one is sent whole.
  const options = scopeOptions(searchParamsOf(await searchParams));
  const data = await getTopologyView(undefined, options).catch((err: unknown) => ({ error: describeError(err) }));
  // The reader's canvas size from their last visit: a large graph's server-rendered first frame is drawn for it.
  const frame = parseFrameSize((await cookies()).get(FRAME_COOKIE)?.value);
  return (
    <SectionPage section={section}>
      {'error' in data ? (
        <EmptyState title="The topology could not be read">
          <p role="alert">{data.error}</p>
          <p>Check the connection shown at the top of the page, then reload.</p>
        </EmptyState>
      ) : (
        <Suspense fallback={<p className="loading">Loading the topology…</p>}>
          <TopologyView initial={data} {...(frame ? { frame } : {})} />
        </Suspense>
      )}
    </SectionPage>
  );
}
