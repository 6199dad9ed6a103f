import { NextResponse, type NextRequest } from 'next/server';

/**
 * Convenience only, NOT the access-control boundary (issue #11: middleware has been bypassed, e.g.
 * CVE-2025-29927; route handlers, server actions and the console layout check the session
 * themselves). It turns the printed `/?token=…` link on any page into the sign-in exchange, and
 * tells the console layout which path was asked for so sign-in can return there.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const token = url.searchParams.get('token');
  if (token !== null && !url.pathname.startsWith('/api/')) {
    const rest = new URLSearchParams(url.searchParams);
    rest.delete('token');
    const next = `${url.pathname}${rest.size ? `?${rest}` : ''}`;
    const target = new URL('/api/auth/sign-in', request.url);
    target.search = new URLSearchParams({ token, next }).toString();
    return NextResponse.redirect(target, 303);
  }
  const headers = new Headers(request.headers);
  headers.set('x-portico-path', `${url.pathname}${url.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: assets and API routes need neither the token exchange nor the path header.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|monaco/).*)'],
};
