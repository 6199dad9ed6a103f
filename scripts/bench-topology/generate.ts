/**
 * The benchmark's generated cluster: 200 Gateways (two listeners each) in 20
 * namespaces, 2,000 HTTPRoutes (two rules, one with weighted backends) and
 * 1,000 Services with ready endpoints. Routes use Services of their own
 * namespace, so each namespace is one connected part of the graph, as teams
 * usually are.
 */
import { emptySnapshot, type Snapshot } from '../../lib/gateway-api/types';

export const GATEWAYS = 200;
export const ROUTES = 2_000;
export const SERVICES = 1_000;
const NAMESPACES = 20;
const PER_NS = SERVICES / NAMESPACES;

/** Deterministic cluster, so runs compare. */
export function generate(): Snapshot {
  const s = emptySnapshot();
  const ts = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString();
  s.gatewayClasses.push({ metadata: { name: 'istio' }, spec: { controllerName: 'istio.io/gateway-controller' } });
  for (let n = 0; n < NAMESPACES; n++) s.namespaces.push({ metadata: { name: `ns-${n}` } });
  for (let i = 0; i < SERVICES; i++) {
    const ns = `ns-${Math.floor(i / PER_NS)}`;
    s.services.push({ metadata: { name: `svc-${i}`, namespace: ns }, spec: { ports: [{ port: 8080 }] } });
    s.endpointSlices.push({
      metadata: { name: `svc-${i}-x`, namespace: ns, labels: { 'kubernetes.io/service-name': `svc-${i}` } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [`10.2.${i >> 8}.${i & 255}`], conditions: { ready: true } }],
      ports: [{ port: 8080 }],
    } as Snapshot['endpointSlices'][number]);
  }
  for (let g = 0; g < GATEWAYS; g++) {
    s.gateways.push({
      metadata: { name: `gw-${g}`, namespace: `ns-${g % NAMESPACES}`, creationTimestamp: ts(g) },
      spec: {
        gatewayClassName: 'istio',
        listeners: [
          {
            name: 'http',
            port: 80,
            protocol: 'HTTP',
            hostname: `*.gw${g}.example.com`,
            allowedRoutes: { namespaces: { from: 'Same' } },
          },
          { name: 'fallback', port: 8080, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } },
        ],
      },
    });
  }
  for (let r = 0; r < ROUTES; r++) {
    const g = r % GATEWAYS;
    const nsIndex = g % NAMESPACES;
    const svc = (k: number): string => `svc-${nsIndex * PER_NS + ((r * 7 + k) % PER_NS)}`;
    s.httpRoutes.push({
      metadata: { name: `route-${r}`, namespace: `ns-${nsIndex}`, creationTimestamp: ts(GATEWAYS + r) },
      spec: {
        parentRefs: [{ name: `gw-${g}` }],
        hostnames: [`app${r % 10}.gw${g}.example.com`],
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: `/api/v${r % 4}` } }], backendRefs: [{ name: svc(0), port: 8080 }] },
          {
            matches: [{ path: { type: 'PathPrefix', value: '/' } }],
            backendRefs: [
              { name: svc(1), port: 8080, weight: 90 },
              { name: svc(2), port: 8080, weight: 10 },
            ],
          },
        ],
      },
    });
  }
  return s;
}

/** A provisioned address per Gateway (the engine's entry points). */
export function addresses(s: Snapshot): Record<string, string> {
  const out: Record<string, string> = {};
  s.gateways.forEach((g, i) => (out[`${g.metadata.namespace}/${g.metadata.name}`] = `10.1.${i >> 8}.${i & 255}`));
  return out;
}
