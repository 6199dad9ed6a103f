import { describe, expect, it } from 'vitest';
import { addObject, computeStatus, emptySnapshot, type Condition, type Snapshot } from '@/lib/gateway-api';
import { seedNamespaces, seedObjects } from '../objects';
import { generateMesh, objectCount } from './mesh';
import { MESH_SIZES } from './sizes';

/** The seed plus a generated mesh as the engine sees it, with Gateway API enabled and the ingress gateway addressed. */
function snapshotOf(size: 'small' | 'medium'): { snapshot: Snapshot; mesh: ReturnType<typeof generateMesh> } {
  const mesh = generateMesh(size);
  const s = emptySnapshot();
  for (const o of [...seedNamespaces(), ...seedObjects('v1'), ...mesh.waves.flat()]) addObject(s, structuredClone(o.object));
  const ingress = s.services.find((x) => x.metadata.name === 'istio-ingressgateway');
  if (ingress) (ingress as { status?: unknown }).status = { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } };
  if (s.meshConfig) (s.meshConfig as { spec: { enableGatewayAPI: boolean } }).spec.enableGatewayAPI = true;
  return { snapshot: s, mesh };
}

const cond = (conditions: Condition[] | undefined, type: string): Condition | undefined =>
  conditions?.find((c) => c.type === type);

describe('generateMesh', () => {
  it('generates the counts of each size', () => {
    for (const size of ['small', 'medium', 'large'] as const) {
      const mesh = generateMesh(size);
      const kinds = new Map<string, number>();
      for (const o of mesh.waves.flat()) kinds.set(String(o.object.kind), (kinds.get(String(o.object.kind)) ?? 0) + 1);
      const shape = MESH_SIZES[size];
      expect(kinds.get('Gateway')).toBe(shape.gateways);
      expect(kinds.get('HTTPRoute')).toBe(shape.routes);
      // Team Services plus the two shared ones routes of every team may use (through ReferenceGrants).
      expect(kinds.get('Service')).toBe(shape.services + 2);
      expect(kinds.get('EndpointSlice')).toBe(shape.services + 2);
      expect(kinds.get('ReferenceGrant')).toBe(2 * shape.namespaces);
      expect(objectCount(mesh)).toBe(mesh.waves.flat().length);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateMesh('medium')).toEqual(generateMesh('medium'));
    expect(generateMesh('medium', { seed: 1 }).waves).not.toEqual(generateMesh('medium', { seed: 2 }).waves);
  });

  it('breaks 5% of routes and Gateways on purpose, each kind of breakage at least once', () => {
    const mesh = generateMesh('medium');
    const routes = mesh.broken.filter((b) => b.kind === 'HTTPRoute');
    expect(routes).toHaveLength(Math.round(MESH_SIZES.medium.routes * 0.05));
    expect(new Set(mesh.broken.map((b) => b.reason))).toEqual(
      new Set(['missing-backend', 'hostname-mismatch', 'missing-certificate']),
    );
  });

  it('creates every object after the objects it refers to (namespaces, then Services and Secrets, then Gateways, then routes)', () => {
    const seen = new Set<string>(['default', 'istio-system', 'kube-system']);
    for (const wave of generateMesh('small').waves) {
      for (const o of wave) {
        const ns = (o.object.metadata as { namespace?: string }).namespace;
        if (ns) expect(seen.has(ns), `${o.path} before namespace ${ns}`).toBe(true);
      }
      for (const o of wave) if (o.object.kind === 'Namespace') seen.add(String((o.object.metadata as { name: string }).name));
    }
  });

  it('yields exactly the intended breakage when the engine computes status (GEP-1364 conditions)', () => {
    const { snapshot, mesh } = snapshotOf('medium');
    const status = computeStatus(snapshot, { controllerNames: ['istio.io/gateway-controller'], now: '2026-01-01T00:00:00Z' });
    const broken = new Map(mesh.broken.map((b) => [`${b.namespace}/${b.name}`, b.reason]));
    for (const route of snapshot.httpRoutes) {
      const key = `${route.metadata.namespace}/${route.metadata.name}`;
      const parent = status.httpRoutes[key]?.parents[0];
      const accepted = cond(parent?.conditions, 'Accepted');
      const resolved = cond(parent?.conditions, 'ResolvedRefs');
      const reason = broken.get(key);
      if (reason === 'hostname-mismatch') {
        expect(accepted, key).toMatchObject({ status: 'False', reason: 'NoMatchingListenerHostname' });
      } else {
        expect(accepted?.status, key).toBe('True');
        expect(resolved, key).toMatchObject(
          reason === 'missing-backend' ? { status: 'False', reason: 'BackendNotFound' } : { status: 'True' },
        );
      }
    }
    for (const gw of snapshot.gateways) {
      const key = `${gw.metadata.namespace}/${gw.metadata.name}`;
      const https = status.gateways[key]?.listeners?.find((l) => l.name === 'https');
      const resolved = cond(https?.conditions, 'ResolvedRefs');
      if (broken.get(key) === 'missing-certificate')
        expect(resolved, key).toMatchObject({ status: 'False', reason: 'InvalidCertificateRef' });
      // Every tenth Gateway's certificate is in another namespace: the generated ReferenceGrant must allow it.
      else expect(resolved?.status, key).toBe('True');
    }
  });
});
