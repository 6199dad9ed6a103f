import { getOverview } from '@/lib/k8s/overview';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const context = new URL(request.url).searchParams.get('context') ?? undefined;
  return Response.json(await getOverview(context));
}
