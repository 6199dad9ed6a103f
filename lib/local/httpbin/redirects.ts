/**
 * httpbin's redirect endpoints: `/redirect/{n}`, `/relative-redirect/{n}`,
 * `/absolute-redirect/{n}` and `/redirect-to`.
 */
import type { HttpbinContext } from './context';
import type { Endpoint } from './routes';
import { hostOf, urlOf } from './request-info';
import type { Reply } from './status';

function redirect(location: string, status = 302): Reply {
  return { status, headers: { location, 'content-type': 'text/html; charset=utf-8' }, body: '' };
}

function absoluteBase(ctx: HttpbinContext): string {
  const url = new URL(urlOf(ctx.src));
  return `${url.protocol}//${hostOf(ctx.src.headers)}`;
}

/** Redirect endpoints, merged into the main table. */
export const redirectRoutes: readonly Endpoint[] = [
  {
    // httpbin: n-1 more hops then /get; relative unless `?absolute=true`.
    pattern: /^\/redirect\/(\d+)\/?$/,
    methods: ['GET'],
    handle: async (ctx, m) => {
      const n = Number(m[1]);
      const absolute = ctx.search.get('absolute')?.toLowerCase() === 'true';
      if (n <= 1) return redirect(absolute ? `${absoluteBase(ctx)}/get` : '/get');
      return redirect(absolute ? `${absoluteBase(ctx)}/absolute-redirect/${n - 1}` : `/relative-redirect/${n - 1}`);
    },
  },
  {
    pattern: /^\/relative-redirect\/(\d+)\/?$/,
    methods: ['GET'],
    handle: async (_ctx, m) => {
      const n = Number(m[1]);
      return redirect(n <= 1 ? '/get' : `/relative-redirect/${n - 1}`);
    },
  },
  {
    pattern: /^\/absolute-redirect\/(\d+)\/?$/,
    methods: ['GET'],
    handle: async (ctx, m) => {
      const n = Number(m[1]);
      return redirect(n <= 1 ? `${absoluteBase(ctx)}/get` : `${absoluteBase(ctx)}/absolute-redirect/${n - 1}`);
    },
  },
  {
    // Only 3xx codes are honoured; anything else falls back to 302 as httpbin does.
    pattern: /^\/redirect-to\/?$/,
    handle: async (ctx) => {
      const url = ctx.search.get('url');
      if (!url) return { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'missing url\n' };
      const code = Number(ctx.search.get('status_code') ?? '302');
      return redirect(url, code >= 300 && code < 400 ? code : 302);
    },
  },
];
