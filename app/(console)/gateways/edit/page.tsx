import { editRoute } from '@/app/(console)/_lib/edit/edit-route';

const route = editRoute('Gateway');

export const metadata = route.metadata;
export default route.Page;
