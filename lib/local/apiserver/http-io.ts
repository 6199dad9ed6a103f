/**
 * Request body reading/decoding and response writing, with the real server's limits and
 * content types: JSON or YAML in, JSON (or YAML when asked) out, `Status` for every error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { jsonOf } from './json-cache';
import { decodeProtobufObject, PROTOBUF_MEDIA_TYPE } from './protobuf/decode';
import { asApiError, badRequest, toStatus } from './status-errors';
import { ApiError, type Json, type JsonObject } from './types';

/** kube-apiserver refuses request bodies over 3 MiB. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

const tooLarge = (): ApiError =>
  new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`);

/** Reads the whole body, refusing it (413) past the limit. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES && !failed) {
        failed = true;
        reject(tooLarge());
      }
      if (!failed) chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

/** The media type of a Content-Type header, lower case and without parameters. */
export const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Decodes a JSON, YAML or (for the built-in kinds typed clients send that way) protobuf body
 * (400 BadRequest when malformed, 415 for a protobuf kind the server cannot read).
 */
export function decodeBody(buf: Buffer, contentType: string | undefined): Json {
  const type = mediaType(contentType);
  if (type === PROTOBUF_MEDIA_TYPE) return decodeProtobufObject(buf);
  const text = buf.toString('utf8');
  if (text.trim() === '') throw badRequest('the request body is empty');
  const yamlish = type.includes('yaml');
  try {
    if (!yamlish) return JSON.parse(text) as Json;
    const v = parseYaml(text, { prettyErrors: false }) as unknown;
    return JSON.parse(JSON.stringify(v ?? null)) as Json;
  } catch (e) {
    const what = yamlish ? 'yaml' : 'json';
    throw badRequest(`error decoding ${what} body: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/** Decodes a body that must be an object. */
export function decodeObject(buf: Buffer, contentType: string | undefined): JsonObject {
  const v = decodeBody(buf, contentType);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw badRequest('the request body must be a JSON or YAML object');
  }
  return v;
}

/** True when the client wants YAML and not JSON. */
function wantsYaml(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return /application\/yaml/.test(accept) && !/application\/json/.test(accept);
}

/**
 * Writes a JSON body. Pre-serialized JSON (a string or UTF-8 bytes) is sent as is, and a stored
 * object goes out as the JSON the store made when it committed it (see json-cache).
 */
export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  code: number,
  body: JsonObject | string | Buffer,
  warnings: string[] = [],
): void {
  if (res.headersSent) return;
  const headers: Record<string, string | string[]> = { 'Cache-Control': 'no-cache, private' };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  let payload: string | Buffer;
  if (wantsYaml(req)) {
    headers['Content-Type'] = 'application/yaml';
    payload = stringifyYaml(typeof body === 'string' || Buffer.isBuffer(body) ? JSON.parse(body.toString()) : body);
  } else {
    headers['Content-Type'] = 'application/json';
    payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : jsonOf(body);
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(code, headers);
  res.end(payload);
}

/** Writes any thrown value as a `Status`. */
export function sendError(req: IncomingMessage, res: ServerResponse, e: unknown): void {
  const err = asApiError(e);
  if (err.code >= 500) console.error('[apiserver]', e);
  sendJson(req, res, err.code, toStatus(err));
}
