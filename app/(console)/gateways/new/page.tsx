import { newRoute } from '@/app/(console)/_lib/edit/new-route';

const route = newRoute('Gateway');

export const metadata = route.metadata;
export default route.Page;
