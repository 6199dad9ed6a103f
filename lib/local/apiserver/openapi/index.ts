/**
 * Serves `/openapi/v2` and `/openapi/v3[/<group-version>]` for the resources the server serves,
 * the way kube-apiserver does: kubectl uses v3 for `explain`, for strategic merge patch and to
 * learn that the server validates fields itself (`fieldValidation` on PATCH), and still loads
 * v2 (as protobuf) before `apply`.
 */
import { createHash } from 'node:crypto';
import type { ResourceDef } from '../types';
import { groupVersionKey } from './names';
import { encodeSwaggerProto } from './protobuf-v2';
import { buildV2Document } from './v2';
import { buildV3Document } from './v3';

/** A response for the HTTP layer to write as is. */
export interface OpenApiResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

/** The protobuf media type kube-openapi answers with (the `@` form requested is not a valid media type). */
export const PROTOBUF_V2_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

interface GroupVersionDoc {
  defs: ResourceDef[];
  json?: string;
  hash?: string;
}

interface Built {
  groupVersions: Map<string, GroupVersionDoc>;
  v2Json?: string;
  v2Proto?: Buffer;
}

// Documents are built lazily and kept per defs array: the caller passes a new array when the
// served resources change (a CRD is created, updated or deleted), which yields new hashes.
const cache = new WeakMap<ResourceDef[], Built>();

function built(defs: ResourceDef[]): Built {
  let entry = cache.get(defs);
  if (!entry) {
    const groupVersions = new Map<string, GroupVersionDoc>();
    for (const def of defs) {
      const key = groupVersionKey(def.group, def.version);
      const doc = groupVersions.get(key) ?? { defs: [] };
      doc.defs.push(def);
      groupVersions.set(key, doc);
    }
    entry = { groupVersions };
    cache.set(defs, entry);
  }
  return entry;
}

function groupVersionJson(doc: GroupVersionDoc): { json: string; hash: string } {
  if (doc.json === undefined || doc.hash === undefined) {
    doc.json = JSON.stringify(buildV3Document(doc.defs));
    // kube-openapi's etag: the upper-case hex SHA-512 of the served JSON.
    doc.hash = createHash('sha512').update(doc.json).digest('hex').toUpperCase();
  }
  return { json: doc.json, hash: doc.hash };
}

const json = (body: string, status = 200): OpenApiResponse => ({ status, contentType: 'application/json', body });

function notFound(path: string): OpenApiResponse {
  return json(
    JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `the server could not find the requested resource (get ${path})`,
      reason: 'NotFound',
      details: {},
      code: 404,
    }),
    404,
  );
}

const notAcceptable = (): OpenApiResponse => ({ status: 406, contentType: 'text/plain; charset=utf-8', body: 'Not Acceptable' });

/** Whether an Accept header admits JSON (absent, `*` wildcards or `application/json`). */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const type = part.split(';')[0]?.trim().toLowerCase() ?? '';
    return type === '*/*' || type === 'application/*' || type === 'application/json';
  });
}

/** The hash of a group-version document, as its `serverRelativeURL` carries it. */
export function openApiV3Hash(defs: ResourceDef[], key: string): string | undefined {
  const doc = built(defs).groupVersions.get(key);
  return doc ? groupVersionJson(doc).hash : undefined;
}

/**
 * Answers an OpenAPI request, or returns undefined when `path` is not an OpenAPI path.
 * `path` may carry a query string (the `hash` parameter is accepted and ignored).
 */
export function handleOpenApi(path: string, defs: ResourceDef[], accept?: string): OpenApiResponse | undefined {
  const pathname = (path.split('?')[0] ?? '').replace(/\/+$/, '');
  if (pathname === '/openapi/v2') {
    const entry = built(defs);
    if (accept && /protobuf/i.test(accept)) {
      entry.v2Proto ??= encodeSwaggerProto(buildV2Document(defs));
      return { status: 200, contentType: PROTOBUF_V2_CONTENT_TYPE, body: entry.v2Proto };
    }
    if (!acceptsJson(accept)) return notAcceptable();
    entry.v2Json ??= JSON.stringify(buildV2Document(defs));
    return json(entry.v2Json);
  }
  if (pathname === '/openapi/v3') {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [key, doc] of built(defs).groupVersions) {
      paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${groupVersionJson(doc).hash}` };
    }
    return json(JSON.stringify({ paths }));
  }
  if (pathname.startsWith('/openapi/v3/')) {
    const doc = built(defs).groupVersions.get(pathname.slice('/openapi/v3/'.length));
    if (!doc) return notFound(pathname);
    if (!acceptsJson(accept)) return notAcceptable();
    return json(groupVersionJson(doc).json);
  }
  if (pathname === '/openapi' || pathname.startsWith('/openapi/')) return notFound(pathname);
  return undefined;
}
