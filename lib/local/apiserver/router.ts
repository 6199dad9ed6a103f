/**
 * Request dispatch: authentication and RBAC authorization, then health, version, discovery,
 * OpenAPI, the token and review endpoints, or a resource verb. Every failure leaves as a `Status`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateRequest, authorizeRequest } from './authz/access';
import type { ReqCtx, ServerState } from './context';
import * as discovery from './discovery';
import { handleCreate, handleUpdate } from './handlers/create-update';
import { handleDelete, handleDeleteCollection } from './handlers/delete';
import { handlePatch } from './handlers/patch';
import { handleGet, handleList } from './handlers/read';
import { handleWatch, isWatch } from './handlers/watch';
import { readBody, sendError, sendJson } from './http-io';
import { handleOpenApi } from './modules';
import { isResourcePath, parseApiPath, type ResourcePath } from './paths';
import { rkeyOf } from './registry';
import { serveAccessApi } from './reviews/index';
import { methodNotAllowed } from './status-errors';
import { ApiError, type JsonObject } from './types';

const pageNotFound = (): ApiError => new ApiError(404, 'NotFound', 'the server could not find the requested resource');

/** Everything the router needs besides the request. */
export interface RouterDeps {
  state: ServerState;
  token: string;
  hostPort: () => string;
}

/** Handles one HTTP request. */
export async function route(deps: RouterDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const p = url.pathname.replace(/\/+$/, '') || '/';
    if (p === '/healthz' || p === '/livez' || p === '/readyz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    const pending = deps.state.access.authenticator.preverify(req);
    if (pending) await pending;
    const user = authenticateRequest(deps.state.access, req);
    authorizeRequest(deps.state.access, user, req.method ?? 'GET', p, url.searchParams, parseApiPath(p));
    const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method ?? '') ? await readBody(req) : Buffer.alloc(0);
    const doc = staticDoc(deps, p, url, req.headers.accept);
    if (doc) {
      if (req.method !== 'GET') throw methodNotAllowed();
      if ('raw' in doc) {
        res.writeHead(doc.status, { 'Content-Type': doc.contentType }).end(doc.raw);
        return;
      }
      sendJson(req, res, 200, doc.json);
      return;
    }
    const parsed = parseApiPath(p);
    if (!parsed || !isResourcePath(parsed)) throw pageNotFound();
    const { access, store } = deps.state;
    if (serveAccessApi({ access, store, user, req, res, path: parsed, body })) return;
    dispatch(buildCtx(deps.state, req, res, url, parsed), req.method ?? 'GET', body);
  } catch (e) {
    sendError(req, res, e);
  }
}

type StaticDoc = { json: JsonObject } | { raw: string | Buffer; status: number; contentType: string };

function staticDoc(deps: RouterDeps, p: string, url: URL, accept: string | undefined): StaticDoc | undefined {
  const reg = deps.state.registry;
  if (p === '/version') return { json: discovery.versionInfo() };
  if (p === '/api') return { json: discovery.coreVersions(deps.hostPort()) };
  if (p === '/apis') return { json: discovery.groupList(reg) };
  if (p.startsWith('/openapi/')) {
    const r = handleOpenApi(p + url.search, reg.all(), accept);
    if (!r) throw pageNotFound();
    return { raw: r.body, status: r.status, contentType: r.contentType };
  }
  const parsed = parseApiPath(p);
  if (!parsed) {
    const m = /^\/apis\/([^/]+)$/.exec(p);
    if (m?.[1]) {
      const g = discovery.group(reg, m[1]);
      if (!g) throw pageNotFound();
      return { json: g };
    }
    return undefined;
  }
  if (isResourcePath(parsed)) return undefined;
  const list = discovery.resourceList(reg, parsed.group, parsed.version);
  if (!list) throw pageNotFound();
  return { json: list };
}

function buildCtx(state: ServerState, req: IncomingMessage, res: ServerResponse, url: URL, p: ResourcePath): ReqCtx {
  const def = state.registry.find(p.group, p.version, p.plural);
  if (!def) throw pageNotFound();
  if (p.subresource && !(p.subresource === 'status' && def.subresources.status)) throw pageNotFound();
  if (!def.namespaced && p.namespace !== undefined) throw pageNotFound();
  return {
    req,
    res,
    state,
    def,
    query: url.searchParams,
    rkey: rkeyOf(def),
    namespace: def.namespaced ? p.namespace : undefined,
    name: p.name,
    subresource: p.subresource,
    warnings: [],
  };
}

function dispatch(ctx: ReqCtx, method: string, body: Buffer): void {
  const needsNs = ctx.def.namespaced && ctx.namespace === undefined;
  if (ctx.name === undefined) {
    if (method === 'GET') return isWatch(ctx.query) ? handleWatch(ctx) : handleList(ctx);
    if (needsNs) throw methodNotAllowed();
    if (method === 'POST') return handleCreate(ctx, body);
    if (method === 'DELETE') return handleDeleteCollection(ctx, body);
    throw methodNotAllowed();
  }
  if (needsNs) throw pageNotFound();
  if (method === 'GET') return handleGet(ctx);
  if (method === 'PUT') return handleUpdate(ctx, body);
  if (method === 'PATCH') return handlePatch(ctx, body);
  if (method === 'DELETE' && !ctx.subresource) return handleDelete(ctx, body);
  throw methodNotAllowed();
}
