import { guardRoute } from '@/lib/auth/guard';
import { authConfig } from '@/lib/auth/server-session';
import { sessionView } from '@/lib/auth/session-view';

export const dynamic = 'force-dynamic';

/** Who is signed in, how, and when the session ends (never the credential). */
export const GET = guardRoute((_request: Request, _context: unknown, session) =>
  Response.json(sessionView(session, authConfig().maxAgeMs), { headers: { 'cache-control': 'no-store' } }),
);
