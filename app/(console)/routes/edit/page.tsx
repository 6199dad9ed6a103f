import { editRoute } from '@/app/(console)/_lib/edit/edit-route';

// HTTPRoute by default; `?kind=GRPCRoute` edits a GRPCRoute.
const route = editRoute('HTTPRoute');

export const metadata = route.metadata;
export default route.Page;
