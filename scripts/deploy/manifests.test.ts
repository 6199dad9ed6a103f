/**
 * Schema and policy checks of deploy/*.yaml: the hardening the security issue asks for, the
 * wiring between objects (selectors, ports, roles, bindings) and least-privilege RBAC.
 */
import { describe, expect, it } from 'vitest';
import { at, isRecord, listAt, loadManifests, type Manifest } from './manifests';
import { CLUSTER_ALLOWED, GATEWAY_RESOURCES, NAMESPACED_ALLOWED, grantsOf } from './rbac-policy';

const manifests = loadManifests();
const one = (kind: string, name?: string): Manifest => {
  const found = manifests.filter((m) => m.kind === kind && (name === undefined || m.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name ?? ''}, found ${found.length}`);
  return found[0] as Manifest;
};
const NAMESPACE = 'portico-system';
const deployment = one('Deployment');
const pod = at(deployment.object, 'spec.template');
const containers = listAt(pod, 'spec.containers').filter(isRecord);
const matches = (selector: unknown, labels: unknown) =>
  isRecord(selector) && isRecord(labels) && Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('deploy/ manifests', () => {
  it('are well-formed and namespaced objects live in portico-system', () => {
    expect(manifests.length).toBeGreaterThan(5);
    const clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);
    for (const m of manifests) {
      expect(m.name, m.file).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
      expect(at(m.object, 'metadata.labels'), m.file).toMatchObject({ 'app.kubernetes.io/name': 'portico' });
      if (clusterScoped.has(m.kind)) expect(m.namespace, `${m.kind}/${m.name}`).toBeUndefined();
      else if (!(m.kind === 'Role' || m.kind === 'RoleBinding')) expect(m.namespace, `${m.kind}/${m.name}`).toBe(NAMESPACE);
    }
    expect(at(one('Namespace').object, 'metadata.labels')).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
  });
});

describe('Deployment', () => {
  it('runs several replicas whose selector matches the pod labels', () => {
    expect(at(deployment.object, 'spec.replicas')).toBeGreaterThanOrEqual(2);
    expect(matches(at(deployment.object, 'spec.selector.matchLabels'), at(pod, 'metadata.labels'))).toBe(true);
    expect(at(deployment.object, 'spec.strategy.rollingUpdate.maxUnavailable')).toBe(0);
  });

  it('runs as non-root with RuntimeDefault seccomp at pod level, under its own ServiceAccount', () => {
    expect(at(pod, 'spec.securityContext.runAsNonRoot')).toBe(true);
    expect(at(pod, 'spec.securityContext.runAsUser')).toBe(10001);
    expect(at(pod, 'spec.securityContext.seccompProfile.type')).toBe('RuntimeDefault');
    expect(at(pod, 'spec.serviceAccountName')).toBe(one('ServiceAccount').name);
    for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) expect(at(pod, `spec.${key}`), key).not.toBe(true);
  });

  it('hardens every container (restricted Pod Security Standard)', () => {
    expect(containers.length).toBeGreaterThan(0);
    for (const c of containers) {
      const sc = at(c, 'securityContext');
      expect(at(sc, 'allowPrivilegeEscalation')).toBe(false);
      expect(at(sc, 'readOnlyRootFilesystem')).toBe(true);
      expect(at(sc, 'runAsNonRoot')).toBe(true);
      expect(at(sc, 'privileged')).not.toBe(true);
      expect(listAt(sc, 'capabilities.drop')).toEqual(['ALL']);
      expect(listAt(sc, 'capabilities.add')).toEqual([]);
      expect(at(sc, 'seccompProfile.type')).toBe('RuntimeDefault');
    }
  });

  it('pins the image to a version (no :latest, no untagged image)', () => {
    for (const c of containers) {
      const image = String(at(c, 'image'));
      const tag = /@sha256:[0-9a-f]{64}$/.test(image) ? 'digest' : /:([^/:]+)$/.exec(image)?.[1];
      expect(tag, image).toBeDefined();
      expect(tag, image).not.toBe('latest');
    }
  });

  it('sets CPU and memory requests and limits', () => {
    for (const c of containers) {
      for (const kind of ['requests', 'limits']) {
        for (const res of ['cpu', 'memory']) expect(at(c, `resources.${kind}.${res}`), `${kind}.${res}`).toBeTruthy();
      }
    }
  });

  it('probes /api/health on the port the server listens on', () => {
    for (const c of containers) {
      const ports = listAt(c, 'ports').filter(isRecord);
      const env = Object.fromEntries(
        listAt(c, 'env')
          .filter(isRecord)
          .map((e) => [e.name, e.value]),
      );
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        expect(at(c, `${probe}.httpGet.path`), probe).toBe('/api/health');
        const port = at(c, `${probe}.httpGet.port`);
        const target = typeof port === 'number' ? port : ports.find((p) => p.name === port)?.containerPort;
        expect(String(target), probe).toBe(env.PORT);
      }
      expect(env.HOSTNAME).toBe('0.0.0.0');
      expect(env.NODE_ENV).toBe('production');
    }
  });

  it('mounts only emptyDir volumes, /tmp among them (the only writable path)', () => {
    const volumes = listAt(pod, 'spec.volumes').filter(isRecord);
    for (const v of volumes) expect(Object.keys(v).sort(), String(v.name)).toEqual(['emptyDir', 'name']);
    for (const c of containers) {
      const mounts = listAt(c, 'volumeMounts').filter(isRecord);
      expect(mounts.map((m) => m.mountPath)).toContain('/tmp');
      for (const m of mounts) expect(volumes.map((v) => v.name)).toContain(m.name);
    }
  });
});

describe('Service and PodDisruptionBudget', () => {
  it('Service is ClusterIP port 80 to the named container port 3000, selecting the pods', () => {
    const svc = one('Service').object;
    expect(at(svc, 'spec.type')).toBe('ClusterIP');
    const [port] = listAt(svc, 'spec.ports').filter(isRecord);
    expect(port?.port).toBe(80);
    const named = listAt(containers[0], 'ports')
      .filter(isRecord)
      .find((p) => p.name === port?.targetPort);
    expect(named?.containerPort).toBe(3000);
    expect(matches(at(svc, 'spec.selector'), at(pod, 'metadata.labels'))).toBe(true);
  });

  it('PodDisruptionBudget keeps a replica and still allows a drain', () => {
    const pdb = one('PodDisruptionBudget').object;
    expect(matches(at(pdb, 'spec.selector.matchLabels'), at(pod, 'metadata.labels'))).toBe(true);
    expect(at(pdb, 'spec.minAvailable')).toBeLessThan(Number(at(deployment.object, 'spec.replicas')));
  });
});

describe('RBAC', () => {
  const grants = grantsOf(manifests);

  it('uses no wildcard and no non-resource URLs or resource-name tricks', () => {
    for (const m of manifests.filter((x) => x.kind === 'Role' || x.kind === 'ClusterRole')) {
      for (const rule of listAt(m.object, 'rules')) {
        for (const key of ['apiGroups', 'resources', 'verbs', 'resourceNames'])
          expect(
            listAt(rule, key).some((v) => String(v).includes('*')),
            `${m.name} ${key}`,
          ).toBe(false);
        expect(listAt(rule, 'nonResourceURLs'), m.name).toEqual([]);
      }
      expect(at(m.object, 'aggregationRule'), m.name).toBeUndefined();
    }
  });

  it('grants cluster-wide exactly what the policy allows, and all of it', () => {
    const cluster = grants.filter((g) => g.scope === '*');
    for (const g of cluster)
      expect(CLUSTER_ALLOWED[`${g.group}/${g.resource}`] ?? [], `${g.role}: ${g.verb} ${g.group}/${g.resource}`).toContain(
        g.verb,
      );
    const held = new Set(cluster.map((g) => `${g.group}/${g.resource}:${g.verb}`));
    for (const [res, verbs] of Object.entries(CLUSTER_ALLOWED))
      for (const v of verbs) expect(held.has(`${res}:${v}`), `${res}:${v}`).toBe(true);
    expect(GATEWAY_RESOURCES).toContain('httproutes');
  });

  it('grants Secrets only through namespaced Roles, outside its own namespace, without patch or escalation', () => {
    const secrets = grants.filter((g) => g.resource === 'secrets' && g.group === '');
    expect(secrets.length).toBeGreaterThan(0);
    for (const g of secrets) {
      expect(g.scope, g.role).not.toBe('*');
      expect(NAMESPACED_ALLOWED['/secrets'], g.verb).toContain(g.verb);
    }
    expect(new Set(secrets.map((g) => g.scope))).toContain('istio-system');
  });

  it('grants ConfigMaps only in portico-system (apply history)', () => {
    const cms = grants.filter((g) => g.resource === 'configmaps');
    expect(cms.length).toBeGreaterThan(0);
    for (const g of cms) {
      expect(g.scope, g.role).toBe(NAMESPACE);
      expect(NAMESPACED_ALLOWED['/configmaps'], g.verb).toContain(g.verb);
    }
  });

  it('grants nothing else in namespaced Roles', () => {
    for (const g of grants.filter((x) => x.scope !== '*'))
      expect(Object.keys(NAMESPACED_ALLOWED), `${g.role}: ${g.group}/${g.resource}`).toContain(`${g.group}/${g.resource}`);
  });

  it('binds every role to the console ServiceAccount only, and every binding names a role defined here', () => {
    const sa = one('ServiceAccount');
    for (const b of manifests.filter((m) => m.kind === 'RoleBinding' || m.kind === 'ClusterRoleBinding')) {
      const ref = at(b.object, 'roleRef');
      const target = manifests.find(
        (m) =>
          m.kind === at(ref, 'kind') && m.name === at(ref, 'name') && (m.kind === 'ClusterRole' || m.namespace === b.namespace),
      );
      expect(target, `${b.kind}/${b.name}`).toBeDefined();
      expect(listAt(b.object, 'subjects')).toEqual([{ kind: 'ServiceAccount', name: sa.name, namespace: sa.namespace }]);
    }
    const bound = new Set(
      manifests
        .filter((m) => m.kind.endsWith('Binding'))
        .map((b) => `${at(b.object, 'roleRef.kind')}/${at(b.object, 'roleRef.name')}`),
    );
    for (const r of manifests.filter((m) => m.kind === 'Role' || m.kind === 'ClusterRole'))
      expect(bound.has(`${r.kind}/${r.name}`), r.name).toBe(true);
  });
});
