import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DetailPage } from '@/components/resources/detail-page';
import { loadDetails } from '@/lib/k8s/details';

type Params = { name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `GatewayClass ${(await params).name}` };
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const { name } = await params;
  const { tab } = await searchParams;
  const details = await loadDetails('GatewayClass', undefined, decodeURIComponent(name));
  if (!details) notFound();
  return <DetailPage details={details} kind="GatewayClass" name={decodeURIComponent(name)} {...(tab ? { tab } : {})} />;
}
