import { signOut } from '@/lib/auth/sign-in-handler';

export const dynamic = 'force-dynamic';

/** Ends the session (POST only, from the console's own origin). */
export function POST(request: Request) {
  return signOut(request);
}
