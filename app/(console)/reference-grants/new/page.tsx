import { newRoute } from '@/app/(console)/_lib/edit/new-route';

// `?fromKind=&fromNamespace=&toNamespace=&toName=` prefills the grant a route form asked for.
const route = newRoute('ReferenceGrant');

export const metadata = route.metadata;
export default route.Page;
