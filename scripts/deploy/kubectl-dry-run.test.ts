/**
 * deploy/ against the local cluster with the real kubectl: a server-side dry run of the whole
 * directory succeeds (every kind is served and every field is known under strict field
 * validation), a real apply round-trips (re-applying changes nothing), and the server refuses
 * what kube-apiserver refuses for these kinds.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from '../../lib/local/apiserver/test-cluster';
import { DEPLOY_DIR, loadManifests } from './manifests';

const hasKubectl = findKubectl() !== undefined;
if (!hasKubectl) console.warn('kubectl-dry-run.test.ts: no kubectl binary on PATH, skipping');

describe.skipIf(!hasKubectl)('kubectl apply -f deploy/ against the local cluster', () => {
  let t: TestCluster;
  const k = (...args: string[]) => t.kubectl(args);
  const kIn = (input: string, ...args: string[]) => t.kubectl(args, { input });
  const manifests = loadManifests();

  beforeAll(async () => {
    t = await startTestCluster();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('dry-runs the whole directory on the server without a warning and stores nothing', async () => {
    // As on any cluster, the namespace must exist before a dry run of the objects inside it.
    const ns = await k('apply', '-f', path.join(DEPLOY_DIR, '00-namespace.yaml'));
    expect(ns.stderr).toBe('');
    expect(ns.code).toBe(0);
    const r = await k('apply', '--dry-run=server', '-f', DEPLOY_DIR);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(manifests.length);
    for (const m of manifests.filter((x) => x.kind !== 'Namespace')) {
      // kubectl prints `<kind>[.<group>]/<name> created (server dry run)`; the core group has no suffix.
      const line = new RegExp(`^${m.kind.toLowerCase()}(\\.[a-z0-9.]+)?/${m.name} created \\(server dry run\\)$`);
      expect(
        lines.some((l) => line.test(l)),
        `${m.kind}/${m.name}`,
      ).toBe(true);
    }
    const none = await k(
      'get',
      'deployments,serviceaccounts,services,poddisruptionbudgets,roles,rolebindings',
      '-n',
      'portico-system',
    );
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('No resources found');
  });

  it('applies for real, fills the apps/v1 defaults, and a second apply changes nothing', async () => {
    const first = await k('apply', '-f', DEPLOY_DIR);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const again = await k('apply', '-f', DEPLOY_DIR);
    expect(again.code).toBe(0);
    for (const line of again.stdout.trim().split('\n')) expect(line).toMatch(/ unchanged$/);
    const got = await k('get', 'deploy', 'portico', '-n', 'portico-system', '-o', 'json');
    const deploy = JSON.parse(got.stdout) as {
      spec: {
        progressDeadlineSeconds: number;
        template: { spec: { containers: Array<{ terminationMessagePolicy: string }>; restartPolicy: string } };
      };
    };
    expect(deploy.spec.progressDeadlineSeconds).toBe(600);
    expect(deploy.spec.template.spec.restartPolicy).toBe('Always');
    expect(deploy.spec.template.spec.containers[0]?.terminationMessagePolicy).toBe('File');
    const roles = await k('get', 'clusterrole', 'portico', '-o', 'jsonpath={.rules[*].resources}');
    expect(roles.stdout).toContain('httproutes');
  });

  it('refuses a Deployment whose selector does not match its template labels', async () => {
    const r = await kIn(
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: mismatch, namespace: portico-system}
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: b}}
    spec: {containers: [{name: c, image: 'x:1'}]}
`,
      'apply',
      '--dry-run=server',
      '-f',
      '-',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('`selector` does not match template `labels`');
  });

  it('refuses an unknown container field under strict field validation (kubectl default)', async () => {
    const r = await kIn(
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: typo, namespace: portico-system}
spec:
  selector: {matchLabels: {app: a}}
  template:
    metadata: {labels: {app: a}}
    spec: {containers: [{name: c, image: 'x:1', readOnlyRootFilesystem: true}]}
`,
      'apply',
      '--dry-run=server',
      '-f',
      '-',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('unknown field "spec.template.spec.containers[0].readOnlyRootFilesystem"');
  });

  it('refuses a PodDisruptionBudget with both minAvailable and maxUnavailable', async () => {
    const r = await kIn(
      `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: both, namespace: portico-system}
spec: {minAvailable: 1, maxUnavailable: 1, selector: {matchLabels: {app: a}}}
`,
      'apply',
      '--dry-run=server',
      '-f',
      '-',
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('minAvailable and maxUnavailable cannot be both set');
  });

  it("refuses to change a binding's roleRef", async () => {
    const r = await k('patch', 'clusterrolebinding', 'portico', '--type=merge', '-p', '{"roleRef":{"name":"cluster-admin"}}');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('cannot change roleRef');
  });
});
