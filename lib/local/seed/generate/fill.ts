/**
 * Fills a cluster with a generated mesh through its API, as a user's tooling would: POST per object, many in flight
 * over keep-alive connections, one wave after the other (a wave only refers to objects of earlier waves).
 */
import https from 'node:https';
import type { ApiTarget } from '../api-client';
import type { SeedObject } from '../objects';
import type { GeneratedMesh } from './mesh';

/** Options of {@link fillMesh}. */
export interface FillOptions {
  /** Requests in flight at once (default 16: enough to keep a 2-core API server busy, few enough to keep latency sane). */
  concurrency?: number;
  /** Called after each wave with the objects done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link fillMesh} did. */
export interface FillResult {
  created: number;
  /** Objects that already existed (409): filling twice is harmless. */
  existed: number;
  ms: number;
}

/** Creates every object of the mesh; rejects on the first error other than AlreadyExists. */
export async function fillMesh(target: ApiTarget, mesh: GeneratedMesh, opts: FillOptions = {}): Promise<FillResult> {
  const concurrency = opts.concurrency ?? 16;
  const agent = new https.Agent({ keepAlive: true, maxSockets: concurrency, ca: target.caPem });
  const total = mesh.waves.reduce((n, w) => n + w.length, 0);
  const started = performance.now();
  let created = 0;
  let existed = 0;
  try {
    for (const wave of mesh.waves) {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < wave.length) {
          const status = await post(target, agent, wave[next++] as SeedObject);
          if (status === 409) existed++;
          else created++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, wave.length) }, worker));
      opts.onProgress?.(created + existed, total);
    }
  } finally {
    agent.destroy();
  }
  return { created, existed, ms: performance.now() - started };
}

function post(t: ApiTarget, agent: https.Agent, o: SeedObject): Promise<number> {
  const payload = JSON.stringify(o.object);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(`${o.path}?fieldManager=portico-generate`, t.url),
      {
        method: 'POST',
        agent,
        timeout: 60_000,
        headers: {
          Authorization: `Bearer ${t.token}`,
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          'User-Agent': 'portico-generate/1.0',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if ((status >= 200 && status < 300) || status === 409) resolve(status);
          else
            reject(
              new Error(
                `creating ${o.path} ${String((o.object.metadata as { name?: string }).name)} failed with ${status}: ${Buffer.concat(chunks).toString().slice(0, 300)}`,
              ),
            );
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`POST ${o.path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}
