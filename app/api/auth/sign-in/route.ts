import { signInWithForm, signInWithLink } from '@/lib/auth/sign-in-handler';

export const dynamic = 'force-dynamic';

/** The printed `?token=` link: exchanges the access token for a session cookie, then goes to `next`. */
export function GET(request: Request) {
  return signInWithLink(request);
}

/** The sign-in form (token, next), from the console's own origin only. */
export function POST(request: Request) {
  return signInWithForm(request);
}
