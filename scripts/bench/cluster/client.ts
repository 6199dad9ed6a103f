/** The benchmark's HTTPS client of the API server and the objects it writes. */
import https from 'node:https';
import { WAIT_MS } from './config';
import type { Ready } from './server';

export function route(i: number): object {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: `route-${String(i).padStart(5, '0')}`, labels: { bench: 'yes', shard: String(i % 10) } },
    spec: {
      parentRefs: [{ name: 'gateway', namespace: 'istio-system' }],
      hostnames: [`r${i}.aliyun.com`],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: `/r/${i}` } }], backendRefs: [{ name: 'httpbin', port: 8000 }] }],
    },
  };
}
export const routeName = (i: number): string => `route-${String(i).padStart(5, '0')}`;

export type Call = (method: string, p: string, body?: object, type?: string) => Promise<{ status: number; text: string }>;

export function client(ready: Ready, agent: https.Agent): Call {
  return (method, p, body, type = 'application/json') =>
    new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined;
      const req = https.request(
        new URL(p, ready.url),
        {
          method,
          agent,
          timeout: WAIT_MS,
          headers: {
            Authorization: `Bearer ${ready.token}`,
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': type } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${p} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
}

export async function timed(f: () => Promise<{ status: number; text: string }>, ok = [200, 201]): Promise<number> {
  const t0 = performance.now();
  const r = await f();
  const ms = performance.now() - t0;
  if (!ok.includes(r.status)) throw new Error(`unexpected status ${r.status}: ${r.text.slice(0, 300)}`);
  return ms;
}

export async function waitFor(cond: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + WAIT_MS;
  while (!cond()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setImmediate(res));
  }
}
