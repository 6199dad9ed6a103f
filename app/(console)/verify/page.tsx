import type { Metadata } from 'next';
import { SectionPage } from '@/components/shell/section-page';
import { EmptyState } from '@/components/ui/empty-state';
import { VerifyWorkbench } from '@/components/verify/verify-workbench';
import { loadVerifyPage, type VerifyQuery } from '@/lib/k8s/verify-page';
import { sectionByHref } from '@/lib/navigation';

const section = sectionByHref('/verify');

export const metadata: Metadata = { title: section.label };
export const dynamic = 'force-dynamic';

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const query: VerifyQuery = {};
  for (const k of ['route', 'rule', 'url', 'gateway', 'label'] as const) {
    const v = one(sp[k]);
    if (v) query[k] = v;
  }
  const data = await loadVerifyPage(query);
  return (
    <SectionPage section={section}>
      {'error' in data ? (
        <EmptyState title="Verification is not available">
          <p role="alert">{data.error}</p>
        </EmptyState>
      ) : (
        <VerifyWorkbench
          key={`${data.selected ?? query.url ?? ''}|${query.label ?? ''}`}
          context={data.context}
          rules={data.rules}
          {...(data.selected ? { selected: data.selected } : {})}
          {...(data.plan ? { plan: data.plan } : {})}
          scopes={data.scopes}
        />
      )}
    </SectionPage>
  );
}
