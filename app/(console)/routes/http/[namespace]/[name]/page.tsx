import { detailRoute } from '@/app/(console)/_lib/detail-route';

const route = detailRoute('HTTPRoute');

export const generateMetadata = route.generateMetadata;
export default route.Page;
