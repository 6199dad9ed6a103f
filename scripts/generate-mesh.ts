/**
 * `npx tsx scripts/generate-mesh.ts --size small|medium|large [--seed N] [--kubeconfig FILE] [--concurrency N]
 * [--enable-gateway-api]`: fills the cluster of the kubeconfig (default PORTICO_KUBECONFIG, then KUBECONFIG) with a
 * generated mesh through its API. Meant for the embedded local cluster (bearer-token kubeconfig, as `npm run cluster`
 * writes); objects that already exist are left as they are.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { apiCall, type ApiTarget } from '../lib/local/seed/api-client';
import { fillMesh, generateMesh, isMeshSize, objectCount } from '../lib/local/seed/generate';

interface Kubeconfig {
  'current-context'?: string;
  contexts?: Array<{ name: string; context: { cluster: string; user: string } }>;
  clusters?: Array<{ name: string; cluster: { server: string; 'certificate-authority-data'?: string } }>;
  users?: Array<{ name: string; user: { token?: string } }>;
}

/** API target of the kubeconfig's current context (token authentication, inline CA). */
export function targetFromKubeconfig(file: string): ApiTarget {
  const kc = parse(readFileSync(file, 'utf8')) as Kubeconfig;
  const ctx = kc.contexts?.find((c) => c.name === kc['current-context'])?.context;
  const cluster = kc.clusters?.find((c) => c.name === ctx?.cluster)?.cluster;
  const token = kc.users?.find((u) => u.name === ctx?.user)?.user.token;
  if (!cluster || !token) throw new Error(`${file}: the current context needs a cluster and a bearer token`);
  const ca = cluster['certificate-authority-data'];
  return { url: cluster.server, token, caPem: ca ? Buffer.from(ca, 'base64').toString() : '' };
}

/** Sets ASMMeshConfig default's enableGatewayAPI, so the controller writes status for the generated objects. */
export async function enableGatewayApi(target: ApiTarget): Promise<void> {
  await apiCall(
    target,
    'PATCH',
    '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs/default',
    { spec: { enableGatewayAPI: true } },
    'application/merge-patch+json',
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'small' },
      seed: { type: 'string' },
      kubeconfig: { type: 'string' },
      concurrency: { type: 'string' },
      'enable-gateway-api': { type: 'boolean', default: false },
    },
  });
  if (!isMeshSize(values.size)) throw new Error(`--size must be small, medium or large, not ${values.size}`);
  const file = values.kubeconfig ?? process.env.PORTICO_KUBECONFIG ?? process.env.KUBECONFIG;
  if (!file) throw new Error('name the cluster with --kubeconfig FILE (or PORTICO_KUBECONFIG / KUBECONFIG)');
  const target = targetFromKubeconfig(file);
  const mesh = generateMesh(values.size, values.seed ? { seed: Number(values.seed) } : {});
  console.log(`Generating the ${values.size} mesh: ${objectCount(mesh)} objects, ${mesh.broken.length} broken on purpose`);
  const res = await fillMesh(target, mesh, {
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    onProgress: (done, total) => console.log(`  ${done}/${total}`),
  });
  console.log(`Created ${res.created} (${res.existed} existed) in ${(res.ms / 1000).toFixed(1)} s`);
  if (values['enable-gateway-api']) {
    await enableGatewayApi(target);
    console.log('Gateway API enabled in ASMMeshConfig default');
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
