/**
 * Shapes shared by the request handlers: the server's long-lived state and one request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from './authz/access';
import type { Registry } from './registry';
import type { Store } from './store';
import type { ResourceDef } from './types';
import type { WatchHub } from './watch-hub';

/** Long-lived state of one running server. */
export interface ServerState {
  store: Store;
  registry: Registry;
  watches: WatchHub;
  /** How often watches that asked for bookmarks get one. */
  bookmarkIntervalMs: number;
  /** Authentication (admin token, service-account tokens) and RBAC authorization. */
  access: Access;
}

/** One resource request, parsed. */
export interface ReqCtx {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  state: ServerState;
  /** The resource at the version the client addressed. */
  def: ResourceDef;
  /** Store key (`group/plural`). */
  rkey: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** Warnings to send back as `Warning: 299` headers. */
  warnings: string[];
}
