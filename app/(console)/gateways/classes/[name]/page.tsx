import { detailRoute } from '@/app/(console)/_lib/detail-route';

const route = detailRoute('GatewayClass');

export const generateMetadata = route.generateMetadata;
export default route.Page;
