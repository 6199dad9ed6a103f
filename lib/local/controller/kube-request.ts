/**
 * Raw JSON requests to the Kubernetes API with the kubeconfig's credentials.
 * The controller needs objects exactly as the server serves them (RFC 3339 strings, unknown
 * fields kept), which the typed client-node APIs would deserialize into classes and Dates.
 */
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** A non-2xx answer of the API server; `code` is the HTTP status (409 = Conflict). */
export class KubeRequestError extends Error {
  constructor(
    readonly code: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'KubeRequestError';
  }
}

/** One keep-alive agent per kubeconfig: a TLS handshake per status write would cost more than the write. */
const agents = new WeakMap<KubeConfig, https.Agent>();

/** Closes the kept-alive connections of `kc` (call when the controller stops). */
export function releaseAgent(kc: KubeConfig): void {
  agents.get(kc)?.destroy();
  agents.delete(kc);
}

function keepAliveAgent(kc: KubeConfig, perRequest: unknown): https.Agent | undefined {
  const known = agents.get(kc);
  if (known) return known;
  if (!(perRequest instanceof https.Agent)) return undefined;
  // Same TLS settings (CA, client certificate) as client-node derived from the kubeconfig.
  const agent = new https.Agent({ ...perRequest.options, keepAlive: true });
  agents.set(kc, agent);
  return agent;
}

/** True for an HTTP status error with the given code. */
export function isStatusCode(err: unknown, code: number): boolean {
  return err instanceof KubeRequestError && err.code === code;
}

/** Sends one request and parses the JSON answer; rejects with {@link KubeRequestError} on non-2xx. */
export async function kubeRequest(kc: KubeConfig, method: string, path: string, body?: unknown): Promise<unknown> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  const opts: https.RequestOptions = { method, headers: { Accept: 'application/json' } };
  await kc.applyToHTTPSOptions(opts);
  const agent = url.protocol === 'https:' ? keepAliveAgent(kc, opts.agent) : undefined;
  if (agent) opts.agent = agent;
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  if (payload) opts.headers = { ...opts.headers, 'Content-Type': 'application/json', 'Content-Length': String(payload.length) };
  const lib = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // Keep the raw text: non-JSON errors (proxies) still get reported.
        }
        const code = res.statusCode ?? 0;
        if (code >= 200 && code < 300) resolve(parsed);
        else reject(new KubeRequestError(code, parsed, `${method} ${path}: ${code} ${statusMessage(parsed)}`));
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function statusMessage(body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) return String((body as { message: unknown }).message);
  return typeof body === 'string' ? body.slice(0, 200) : '';
}
