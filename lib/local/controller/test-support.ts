/**
 * Test support for the controller: a seeded local cluster in a temporary directory on a free
 * port, the real kubectl pointed at it (own KUBECONFIG, HOME and cache), and a TLS Secret maker.
 * Everything here is asynchronous: the API server runs in the test's own process.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCluster, type LocalCluster } from '../cluster';

/** The seed's two manifests (gateway-http.yaml, gateway-https.yaml). */
export const SEED_FIXTURES = path.resolve(__dirname, '../seed/__fixtures__');

/** Result of one kubectl run. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A cluster for one test file. */
export interface ControllerTestCluster {
  dir: string;
  cluster: LocalCluster;
  /** Runs kubectl against the cluster; never rejects. */
  kubectl(args: string[], input?: string): Promise<KubectlResult>;
  /** Runs kubectl and parses its JSON output (`-o json` is added); rejects on failure. */
  getJson<T = Record<string, unknown>>(args: string[]): Promise<T>;
  dispose(): Promise<void>;
}

/** Starts a seeded local cluster (Gateway API bundle `gatewayApiVersion`) in a fresh temp dir. */
export async function startControllerTestCluster(gatewayApiVersion?: string): Promise<ControllerTestCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-controller-'));
  const cluster = await startLocalCluster({
    dataDir: path.join(dir, 'data'),
    ...(gatewayApiVersion ? { gatewayApiVersion } : {}),
  });
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: dir,
    KUBECONFIG: cluster.kubeconfigPath,
    KUBECACHEDIR: path.join(dir, 'kube-cache'),
  };
  const kubectl = (args: string[], input?: string): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        'kubectl',
        args,
        { env: env as unknown as NodeJS.ProcessEnv, timeout: 30_000 },
        (err, stdout, stderr) => {
          resolve({
            code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          });
        },
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  return {
    dir,
    cluster,
    kubectl,
    async getJson<T>(args: string[]): Promise<T> {
      const r = await kubectl([...args, '-o', 'json']);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    async dispose() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A self-signed certificate for `host`: node:crypto makes the key and the openssl CLI signs it;
 * without openssl, the in-process X.509 helper of the local gateway's tests.
 */
async function selfSignedPem(dir: string, host: string): Promise<{ cert: string; key: string }> {
  if (!hasOpenssl()) return (await import('../gateway/testing/certs')).selfSigned([host]);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const keyFile = path.join(dir, `${host}.key`);
  const certFile = path.join(dir, `${host}.crt`);
  writeFileSync(keyFile, key, { mode: 0o600 });
  const args = [
    'req',
    '-x509',
    '-key',
    keyFile,
    '-out',
    certFile,
    '-days',
    '1',
    '-subj',
    `/CN=${host}`,
    '-addext',
    `subjectAltName=DNS:${host}`,
  ];
  await new Promise<void>((resolve, reject) => execFile('openssl', args, (err) => (err ? reject(err) : resolve())));
  return { cert: readFileSync(certFile, 'utf8'), key };
}

/** True when the openssl CLI is installed (the TLS Secret helper needs it). */
export function hasOpenssl(): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => existsSync(path.join(d, 'openssl')));
}

/**
 * Creates a `kubernetes.io/tls` Secret for `host`, as ASM certificate management would
 * (seed step 4: `myexample-credential` for a.aliyun.com in istio-system).
 */
export async function createTlsSecret(t: ControllerTestCluster, namespace: string, name: string, host: string): Promise<void> {
  const { cert, key } = await selfSignedPem(t.dir, host);
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  const manifest = JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/tls',
    metadata: { name, namespace },
    data: { 'tls.crt': b64(cert), 'tls.key': b64(key) },
  });
  const r = await t.kubectl(['apply', '-f', '-'], manifest);
  if (r.code !== 0) throw new Error(`creating Secret ${namespace}/${name}: ${r.stderr}`);
}

/** Polls `check` every `everyMs` until it returns a value or `timeoutMs` passes (then rejects with the last error). */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
