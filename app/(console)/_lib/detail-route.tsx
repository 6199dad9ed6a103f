import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { FocusedTopologySection, hasFocusedTopology } from '@/app/(console)/topology/_components/focused-section';
import { DetailPage } from '@/components/resources/detail-page';
import { RevisionHistory } from '@/components/revisions/revision-history';
import { isFormKind } from '@/lib/authoring/form-kinds';
import { listRevisions } from '@/lib/k8s/apply-revisions';
import { loadDetails } from '@/lib/k8s/details';
import type { KindName } from '@/lib/model/kinds';

type Params = { namespace?: string; name: string };
type Props = { params: Promise<Params>; searchParams: Promise<{ tab?: string }> };

/**
 * The route of one kind's detail page (`[namespace]/[name]`, or `[name]` for cluster-scoped kinds):
 * every detail route is this with another kind, so it is written once.
 */
export function detailRoute(kind: KindName) {
  const names = async (params: Promise<Params>) => {
    const p = await params;
    return {
      namespace: p.namespace === undefined ? undefined : decodeURIComponent(p.namespace),
      name: decodeURIComponent(p.name),
    };
  };
  return {
    async generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
      const { namespace, name } = await names(params);
      return { title: `${kind} ${namespace ? `${namespace}/` : ''}${name}` };
    },
    async Page({ params, searchParams }: Props) {
      const { namespace, name } = await names(params);
      const { tab } = await searchParams;
      const details = await loadDetails(kind, namespace, name);
      if (!details) notFound();
      // Gateways and routes show their traffic paths on the overview (streamed: the page does not wait for them).
      const paths =
        hasFocusedTopology(kind) && namespace && !('error' in details) && (!tab || tab === 'overview') ? (
          <Suspense fallback={<p className="loading">Loading the traffic paths…</p>}>
            <FocusedTopologySection kind={kind} namespace={namespace} name={name} />
          </Suspense>
        ) : undefined;
      const detail = (
        <DetailPage details={details} kind={kind} {...(namespace ? { namespace } : {})} name={name} {...(tab ? { tab } : {})} />
      );
      const page = paths ? (
        <>
          {detail}
          {paths}
        </>
      ) : (
        detail
      );
      // Kinds with a form also show their recorded revisions (edit, diff, roll back).
      if (!isFormKind(kind) || 'error' in details || (tab && tab !== 'overview')) return page;
      const history = await listRevisions(kind, namespace, name);
      return (
        <>
          {page}
          <RevisionHistory
            kind={kind}
            live={details.object}
            revisions={history.ok ? history.revisions : []}
            {...(history.ok ? {} : { error: history.error })}
          />
        </>
      );
    },
  };
}
