import { newRoute } from '@/app/(console)/_lib/edit/new-route';

// HTTPRoute by default; `?kind=GRPCRoute` creates a GRPCRoute.
const route = newRoute('HTTPRoute');

export const metadata = route.metadata;
export default route.Page;
