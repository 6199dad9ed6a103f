/**
 * A minimal HTTPS client for the seed: it writes through the API like any other client, so
 * seeded objects get the same defaults, validation and managedFields as user objects.
 */
import https from 'node:https';
import type { Json } from '../apiserver/types';

/** Connection details of the local API server. */
export interface ApiTarget {
  url: string;
  token: string;
  caPem: string;
}

/** One API response. */
export interface ApiResponse {
  status: number;
  body: Json;
}

/** Sends one request; resolves with status and decoded JSON body. */
export function apiRequest(
  t: ApiTarget,
  method: string,
  path: string,
  body?: Json,
  contentType = 'application/json',
): Promise<ApiResponse> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(path, t.url),
      {
        method,
        ca: t.caPem,
        headers: {
          Authorization: `Bearer ${t.token}`,
          Accept: 'application/json',
          'User-Agent': 'portico-seed/1.0',
          ...(payload ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Json = text;
          try {
            parsed = JSON.parse(text) as Json;
          } catch {
            /* keep text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Like apiRequest, but throws unless the status is 2xx. */
export async function apiCall(t: ApiTarget, method: string, path: string, body?: Json, contentType?: string): Promise<Json> {
  const r = await apiRequest(t, method, path, body, contentType);
  if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path} failed with ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}
