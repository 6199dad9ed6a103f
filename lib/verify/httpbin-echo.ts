/**
 * Recognizes httpbin's answers: the JSON echo of the request as the backend saw it
 * (`headers`, `url`, and in Portico's local httpbin `path`, `method`, `instance`), and
 * the RFC 2324 teapot of `/status/418`. Pure.
 */
import type { RenderedBody } from './types';

/** The request as httpbin saw it. */
export interface HttpbinEcho {
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Path without query: `path` when echoed, else taken from `url`. */
  path?: string;
  method?: string;
  host?: string;
  instance?: string;
}

/** The first line of httpbin's teapot body. */
export const TEAPOT_MARK = '-=[ teapot ]=-';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The echo in a JSON body, or undefined when the body is not an httpbin echo. */
export function parseHttpbinEcho(body: RenderedBody | undefined): HttpbinEcho | undefined {
  if (body?.kind !== 'json' || !isRecord(body.value) || !isRecord(body.value.headers)) return undefined;
  const v = body.value;
  const headers: Record<string, string> = {};
  for (const [k, val] of Object.entries(v.headers as Record<string, unknown>))
    if (typeof val === 'string') headers[k.toLowerCase()] = val;
  let path = str(v.path);
  const url = str(v.url);
  if (path === undefined && url) {
    try {
      path = new URL(url).pathname;
    } catch {
      path = undefined;
    }
  }
  const echo: HttpbinEcho = { headers };
  if (path !== undefined) echo.path = path;
  const method = str(v.method);
  if (method) echo.method = method;
  const host = str(v.host) ?? headers.host;
  if (host) echo.host = host;
  const instance = str(v.instance);
  if (instance) echo.instance = instance;
  return echo;
}

/** True for httpbin's `/status/418` teapot. */
export function isTeapot(status: number | undefined, body: RenderedBody | undefined): boolean {
  return status === 418 && body?.kind === 'text' && body.text.includes(TEAPOT_MARK);
}
