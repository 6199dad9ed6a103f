import { getClusterStatus } from '@/lib/k8s/cluster-status';

export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(await getClusterStatus());
}
