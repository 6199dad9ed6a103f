import 'server-only';
import https from 'node:https';
import http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';

/** A Kubernetes API call that failed with an HTTP status, carrying the API's `Status` when it sent one. */
export class K8sApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: {
      group?: string;
      kind?: string;
      name?: string;
      causes?: Array<{ field?: string; message?: string; reason?: string }>;
    },
    /** The request that failed, so a message can name the verb and resource (see errors.ts). */
    readonly request?: { method: string; path: string },
  ) {
    super(message);
    this.name = 'K8sApiError';
  }
}

export interface K8sRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API path, e.g. `/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Defaults to JSON; patches name their type (`application/merge-patch+json`, `application/apply-patch+yaml`). */
  contentType?: string;
  timeoutMs?: number;
}

const defaultTimeoutMs = 15_000;

/**
 * One request to the current context's API server with its credentials (client certificates,
 * tokens, exec plugins all applied by client-node). Answers the parsed JSON body; a non-2xx answer
 * becomes a {@link K8sApiError} with the API's own reason and message.
 */
export async function k8sRequest<T = unknown>(config: KubeConfig, req: K8sRequest): Promise<T> {
  const cluster = config.getCurrentCluster();
  if (!cluster) throw new K8sApiError(0, 'NoCluster', `The kubeconfig context ${config.getCurrentContext()} names no cluster`);
  const url = new URL(cluster.server.replace(/\/$/, '') + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const options: https.RequestOptions = { method: req.method ?? 'GET', headers: { Accept: 'application/json' } };
  await config.applyToHTTPSOptions(options);
  const payload = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  if (payload !== undefined) {
    options.headers = {
      ...options.headers,
      'Content-Type': req.contentType ?? 'application/json',
      'Content-Length': Buffer.byteLength(payload),
    };
  }
  const transport = url.protocol === 'https:' ? https : http;
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const r = transport.request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.setTimeout(req.timeoutMs ?? defaultTimeoutMs, () =>
      r.destroy(new Error(`no answer from ${url.host} within ${(req.timeoutMs ?? defaultTimeoutMs) / 1000} s`)),
    );
    r.on('error', reject);
    if (payload !== undefined) r.write(payload);
    r.end();
  });
  const body = parseJson(text);
  if (status >= 200 && status < 300) return body as T;
  throw toApiError(status, body, { method: options.method ?? 'GET', path: req.path });
}

function toApiError(status: number, body: unknown, request: { method: string; path: string }): K8sApiError {
  const what = `${request.method} ${request.path}`;
  if (body && typeof body === 'object' && (body as { kind?: unknown }).kind === 'Status') {
    const s = body as { reason?: string; message?: string; details?: K8sApiError['details'] };
    return new K8sApiError(status, s.reason ?? 'Unknown', s.message ?? `${what} failed with ${status}`, s.details, request);
  }
  return new K8sApiError(status, 'Unknown', `${what} failed with HTTP ${status}`, undefined, request);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
