import { describe, expect, it } from 'vitest';
import { addObject, computeStatus, emptySnapshot, type Snapshot } from '@/lib/gateway-api';
import { buildTopology } from '@/lib/gateway-api/topology';
// A test may use the embedded cluster's generator (boundary 5 exempts tests): the medium mesh has every
// shape the scoped view must handle (broken routes, cross-namespace and weighted backends, several rules).
import { seedNamespaces, seedObjects } from '@/lib/local/seed/objects';
import { generateMesh } from '@/lib/local/seed/generate/mesh';
import { compactModel, edgeOf, wholeOf } from './compact';
import { compactTopology } from './compact-builder';
import type { PipelineOptions } from './pipeline';
import { scopeModel } from './scope';
import { focusCompact, scopeCompact } from './scope-compact';
import { viewOf } from './pipeline';
import { addUnattached } from './unattached';
import type { ViewModel } from './types';

/** The seed plus the medium mesh, as the console's topology sees it (with detached routes and orphan Services). */
function meshSnapshot(): Snapshot {
  const s: Snapshot = emptySnapshot();
  for (const o of [...seedNamespaces(), ...seedObjects('v1'), ...generateMesh('medium').waves.flat()]) {
    addObject(s, structuredClone(o.object));
  }
  const ingress = s.services.find((x) => x.metadata.name === 'istio-ingressgateway');
  if (ingress) (ingress as { status?: unknown }).status = { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } };
  if (s.meshConfig) (s.meshConfig as { spec: { enableGatewayAPI: boolean } }).spec.enableGatewayAPI = true;
  return s;
}

const snapshot = meshSnapshot();
const opts = { controllerNames: [...new Set(snapshot.gatewayClasses.map((c) => c.spec.controllerName))], now: 'T' };
const model: ViewModel = addUnattached(buildTopology(snapshot, computeStatus(snapshot, opts)), snapshot);
// Built the way the server builds it (drawn compact, never a plain model); compared below with the plain model.
const compact = compactTopology(snapshot, opts);
const pick = (kind: string, nth: number) => model.nodes.filter((n) => n.kind === kind)[nth]?.id ?? '';
const broken = model.nodes.find((n) => n.kind === 'route' && n.health === 'error')?.id ?? '';
const someGateway = pick('gateway', 3).replace(/^gateway:/, '');

/** Option sets a reader reaches from the page: each filter alone, combined, collapsed and focused. */
const OPTIONS: PipelineOptions[] = [
  {},
  { collapse: true },
  { namespace: 'bench-team-01' },
  { namespace: 'bench-team-01', collapse: true },
  { gateway: someGateway },
  { gateway: someGateway, collapse: true, text: 'route' },
  { gateway: 'nowhere/none' },
  { hostname: model.nodes.find((n) => n.kind === 'listener' && n.detail?.hostname !== '*')?.detail?.hostname as string },
  { text: 'shared' },
  { text: 'orphan' },
  { text: 'no-such-text' },
  { focus: broken },
  { focus: broken, collapse: true },
  { focus: pick('service', 0) },
  { focus: pick('service', 0), collapse: true },
  { focus: pick('rule', 5), collapse: true },
  { focus: pick('rule', 5) },
  { focus: pick('entry', 0) },
  { focus: pick('listener', 2), namespace: 'bench-team-00' },
];

describe('compactModel / compactTopology', () => {
  it('gives back every node and edge as the model had them, in the same order', () => {
    expect(model.nodes.length).toBeGreaterThan(500);
    expect(wholeOf(compactModel(model))).toEqual(model);
    expect(edgeOf(compactModel(model), 0)).toEqual(model.edges[0]);
  });

  it('builds, without the plain model, the compact form of the console topology', () => {
    expect(wholeOf(compact)).toEqual(model);
    // Equal edges share one properties object: far fewer than edges.
    expect(new Set(compact.rest).size).toBeLessThan(compact.rest.length / 2);
  });
});

describe('scopeCompact', () => {
  for (const cap of [40, 300, 100_000]) {
    it(`equals scopeModel on the plain model for every option set (cap ${cap})`, () => {
      for (const o of OPTIONS) {
        const limits = { scopeLimit: 100, cap };
        const want = scopeModel(model, o, limits);
        const got = scopeCompact(compact, o, limits);
        expect({ o, ...got }).toEqual({ o, ...want });
      }
    });
  }

  it('sends a model under the limit whole', () => {
    expect(scopeCompact(compact, { collapse: true }, { scopeLimit: 1_000_000 })).toEqual({ model, scope: { mode: 'whole' } });
  });

  it('focuses a detail page on one node the way the pipeline does', () => {
    for (const [focus, collapse] of [
      [broken, false],
      [broken, true],
      [pick('service', 1), true],
      [pick('rule', 1), true],
      ['gateway:none/none', false],
    ] as const) {
      expect(focusCompact(compact, focus, collapse)).toEqual(viewOf(model, { focus, collapse }));
    }
  });
});
