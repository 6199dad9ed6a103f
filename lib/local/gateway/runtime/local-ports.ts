/**
 * Writes the gateway runtime's annotations (`portico.dev/local-ports`,
 * `portico.dev/local-unprogrammed`) with a JSON merge patch on metadata only, as field manager
 * `portico-gateway`, and only when a value changes; status stays the controller's.
 */
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { objectPath, type ResourceDef } from '@/lib/local/controller/resources';
import type { AnnotationPatch } from './gateway-annotations';

/** Field manager of the gateway runtime's writes. */
export const FIELD_MANAGER = 'portico-gateway';

/** Sends a JSON merge patch to `path` (the local API server and real ones both accept it). */
async function mergePatch(kc: KubeConfig, path: string, body: unknown): Promise<void> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const url = new URL(`${cluster.server.replace(/\/$/, '')}${path}?fieldManager=${FIELD_MANAGER}`);
  const payload = Buffer.from(JSON.stringify(body));
  const opts: https.RequestOptions = {
    method: 'PATCH',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/merge-patch+json',
      'Content-Length': String(payload.length),
    },
  };
  await kc.applyToHTTPSOptions(opts);
  await new Promise<void>((resolve, reject) => {
    const req = https.request(url, opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const code = res.statusCode ?? 0;
        if (code >= 200 && code < 300) resolve();
        else reject(new Error(`PATCH ${path}: ${code} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
      });
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`PATCH ${path}: timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Sends each Gateway its annotation patch (see gateway-annotations.ts). A Gateway deleted
 * meanwhile (404) is skipped; other failures are logged and retried on the next pass (the
 * cache still shows the old value, so the patch is computed again).
 */
export async function writeGatewayAnnotations(
  kc: KubeConfig,
  def: ResourceDef,
  patches: ReadonlyMap<string, AnnotationPatch>,
  log: (msg: string) => void,
): Promise<void> {
  await Promise.all(
    [...patches].map(async ([key, annotations]) => {
      const [namespace, name] = key.split('/') as [string, string];
      try {
        await mergePatch(kc, objectPath(def, namespace, name), { metadata: { annotations } });
        const shown = Object.entries(annotations).map(([k, v]) => (v === null ? `${k} removed` : `${k}="${v}"`));
        log(`Gateway ${key}: ${shown.join(', ')}`);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (!msg.includes(': 404 ')) log(`Gateway ${key}: annotations not written: ${msg}`);
      }
    }),
  );
}
