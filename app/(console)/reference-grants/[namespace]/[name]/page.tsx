import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DetailPage } from '@/components/resources/detail-page';
import { loadDetails } from '@/lib/k8s/details';

type Params = { namespace: string; name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `ReferenceGrant ${namespace}/${name}` };
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const { namespace, name } = await params;
  const { tab } = await searchParams;
  const details = await loadDetails('ReferenceGrant', decodeURIComponent(namespace), decodeURIComponent(name));
  if (!details) notFound();
  return (
    <DetailPage
      details={details}
      kind="ReferenceGrant"
      namespace={decodeURIComponent(namespace)}
      name={decodeURIComponent(name)}
      {...(tab ? { tab } : {})}
    />
  );
}
