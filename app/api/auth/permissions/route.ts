import { guardRoute } from '@/lib/auth/guard';
import { permissionsResponse } from '@/lib/auth/permissions-handler';

export const dynamic = 'force-dynamic';

/** What the signed-in user may change in `?namespace=` (SelfSubjectAccessReview per console action). */
export const GET = guardRoute((request: Request, _context: unknown, session) => permissionsResponse(request, session));
