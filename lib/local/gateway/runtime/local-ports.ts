/**
 * The `portico.dev/local-ports` annotation: which listener ports of a Gateway are served on
 * another local port (80=10080 when port 80 may not be bound). Written with a JSON merge patch
 * on metadata only, as field manager `portico-gateway`, and only when the value changes; status
 * stays the controller's.
 */
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { objectPath, type ResourceDef } from '@/lib/local/controller/resources';
import type { StoredObject } from '@/lib/local/controller/slim';
import { localPortsAnnotation } from '../listener-set';
import type { ListenerStatus } from '../listener-set';

/** The annotation key. */
export const LOCAL_PORTS_ANNOTATION = 'portico.dev/local-ports';

/** Field manager of the gateway runtime's writes. */
export const FIELD_MANAGER = 'portico-gateway';

/**
 * The annotation value of every Gateway with at least one bound port: remapped ports listed
 * (`80=10080,443=10443`), empty when none is remapped.
 */
export function localPortsByGateway(
  statuses: readonly ListenerStatus[],
  gatewaysByPort: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, string> {
  const perGateway = new Map<string, ListenerStatus[]>();
  for (const s of statuses) {
    for (const gw of gatewaysByPort.get(`${s.address}:${s.port}`) ?? []) {
      const list = perGateway.get(gw);
      if (list) list.push(s);
      else perGateway.set(gw, [s]);
    }
  }
  const out = new Map<string, string>();
  for (const [gw, list] of perGateway) {
    const bound = list.filter((s) => s.boundPort !== 0);
    // A Gateway none of whose ports is bound yet has no mapping to report (not even "none remapped").
    if (bound.length > 0) out.set(gw, localPortsAnnotation(bound));
  }
  return out;
}

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
 * Writes the annotation on every Gateway whose value differs from what the informer cache
 * holds. A Gateway deleted meanwhile (404) is skipped; other failures are logged and retried on
 * the next pass (the cache still shows the old value).
 */
export async function writeLocalPorts(
  kc: KubeConfig,
  def: ResourceDef,
  wanted: ReadonlyMap<string, string>,
  current: (key: string) => StoredObject | undefined,
  log: (msg: string) => void,
): Promise<void> {
  await Promise.all(
    [...wanted].map(async ([key, value]) => {
      const obj = current(key);
      const annotations = obj?.metadata?.annotations;
      if (!obj || annotations?.[LOCAL_PORTS_ANNOTATION] === value) return;
      const [namespace, name] = key.split('/') as [string, string];
      try {
        await mergePatch(kc, objectPath(def, namespace, name), {
          metadata: { annotations: { [LOCAL_PORTS_ANNOTATION]: value } },
        });
        log(`Gateway ${key}: ${LOCAL_PORTS_ANNOTATION}="${value}"`);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (!msg.includes(': 404 ')) log(`Gateway ${key}: annotation not written: ${msg}`);
      }
    }),
  );
}
