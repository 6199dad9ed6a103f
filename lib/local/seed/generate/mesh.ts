/**
 * The generated mesh: N team namespaces with Gateways (HTTP and HTTPS listeners bound to the ASM ingress gateway),
 * TLS Secrets, Services with EndpointSlices, HTTPRoutes with several rules (path, header and method matches,
 * header-modifier, rewrite and redirect filters, weighted and cross-namespace backends), the ReferenceGrants those
 * cross-namespace references need, and 5% deliberately broken objects. Deterministic for a given size and seed.
 */
import type { JsonObject } from '../../apiserver/types';
import type { SeedObject } from '../objects';
import {
  CERTS_NAMESPACE,
  endpointSlice,
  gatewayApiObject,
  generatedMeta,
  INGRESS_ADDRESS,
  namespace,
  referenceGrant,
  service,
  SHARED_CERT,
  SHARED_NAMESPACE,
  teamNamespace,
  tlsSecret,
} from './objects';
import { seededRandom, type Random } from './random';
import { MESH_SIZES, type MeshShape, type MeshSize } from './sizes';

/** Why a generated object is broken on purpose (what the console must then show). */
export type BrokenReason = 'missing-backend' | 'hostname-mismatch' | 'missing-certificate';

/** One deliberately broken object. */
export interface BrokenObject {
  kind: 'HTTPRoute' | 'Gateway';
  namespace: string;
  name: string;
  reason: BrokenReason;
}

/** A generated mesh: objects in creation waves (each wave only refers to objects of earlier ones). */
export interface GeneratedMesh {
  size: MeshSize;
  seed: number;
  shape: MeshShape;
  waves: SeedObject[][];
  broken: BrokenObject[];
}

/** Options of {@link generateMesh}. */
export interface GenerateOptions {
  seed?: number;
  /** Served Gateway API version for Gateways and HTTPRoutes (v1 by default; v1beta1 for the v0.6.0 bundle). */
  gatewayVersion?: string;
}

/** Share of routes and of Gateways broken on purpose. */
export const BROKEN_SHARE = 0.05;
const SHARED_SERVICES = ['shared-auth', 'shared-search'];
/** Every tenth Gateway uses the central certificate; every 25th route also sends to a shared Service. */
const CENTRAL_CERT_EVERY = 10;
const SHARED_BACKEND_EVERY = 25;

/** Name of route `r` (zero-padded, so name order is index order). */
export const routeName = (r: number): string => `route-${String(r).padStart(5, '0')}`;
/** Name of Gateway `g`. */
export const gatewayName = (g: number): string => `gw-${String(g).padStart(4, '0')}`;

/** Generates the mesh of a size. */
export function generateMesh(size: MeshSize, opts: GenerateOptions = {}): GeneratedMesh {
  const shape = MESH_SIZES[size];
  const seed = opts.seed ?? 20261130;
  const v = opts.gatewayVersion ?? 'v1';
  const rng = seededRandom(seed);
  const broken: BrokenObject[] = [];
  // At least one Gateway and two routes, so even the small mesh shows every kind of breakage.
  const brokenCount = (n: number, min = 1): number => Math.max(min, Math.round(n * BROKEN_SHARE));
  const brokenGateways = new Set(rng.sample(shape.gateways, brokenCount(shape.gateways)));
  const brokenRoutes = new Map(
    rng
      .sample(shape.routes, brokenCount(shape.routes, 2))
      .map((r, i): [number, BrokenReason] => [r, i % 2 ? 'hostname-mismatch' : 'missing-backend']),
  );
  const teams = Array.from({ length: shape.namespaces }, (_, i) => teamNamespace(i));

  const ns = [namespace(SHARED_NAMESPACE), namespace(CERTS_NAMESPACE), ...teams.map((t, i) => namespace(t, `t${i % 5}`))];
  const support: SeedObject[] = [tlsSecret(SHARED_CERT, CERTS_NAMESPACE)];
  SHARED_SERVICES.forEach((name, i) => {
    support.push(service(name, SHARED_NAMESPACE, shape.services + i), endpointSlice(name, SHARED_NAMESPACE, shape.services + i));
  });
  for (const t of teams) {
    support.push(referenceGrant(`routes-from-${t}`, SHARED_NAMESPACE, 'HTTPRoute', t, 'Service'));
    support.push(referenceGrant(`gateways-from-${t}`, CERTS_NAMESPACE, 'Gateway', t, 'Secret'));
  }
  for (let i = 0; i < shape.services; i++) {
    const t = teams[i % shape.namespaces] as string;
    support.push(service(`svc-${String(i).padStart(5, '0')}`, t, i), endpointSlice(`svc-${String(i).padStart(5, '0')}`, t, i));
  }

  const gateways: SeedObject[] = [];
  for (let g = 0; g < shape.gateways; g++) {
    const t = teams[g % shape.namespaces] as string;
    const name = gatewayName(g);
    const central = g % CENTRAL_CERT_EVERY === CENTRAL_CERT_EVERY - 1;
    const missing = brokenGateways.has(g);
    if (missing) broken.push({ kind: 'Gateway', namespace: t, name, reason: 'missing-certificate' });
    else if (!central) support.push(tlsSecret(`${name}-tls`, t));
    const certificateRef: JsonObject = missing
      ? { name: `${name}-missing-tls` }
      : central
        ? { name: SHARED_CERT, namespace: CERTS_NAMESPACE }
        : { name: `${name}-tls` };
    const hostname = `*.${name}.bench.example.com`;
    gateways.push(
      gatewayApiObject(v, 'Gateway', 'gateways', t, {
        metadata: generatedMeta(name, t),
        spec: {
          gatewayClassName: 'istio',
          addresses: [{ type: 'Hostname', value: INGRESS_ADDRESS }],
          listeners: [
            { name: 'http', port: 80, protocol: 'HTTP', hostname, allowedRoutes: { namespaces: { from: 'All' } } },
            {
              name: 'https',
              port: 443,
              protocol: 'HTTPS',
              hostname,
              tls: { mode: 'Terminate', certificateRefs: [certificateRef] },
              allowedRoutes: { namespaces: { from: 'All' } },
            },
          ],
        },
      }),
    );
  }

  const routes: SeedObject[] = [];
  const perTeam = Math.max(1, Math.floor(shape.services / shape.namespaces));
  for (let r = 0; r < shape.routes; r++) {
    const team = r % shape.namespaces;
    const t = teams[team] as string;
    const g = r % shape.gateways;
    const svc = (): string => `svc-${String(team + shape.namespaces * rng.int(perTeam)).padStart(5, '0')}`;
    const reason = brokenRoutes.get(r);
    if (reason) broken.push({ kind: 'HTTPRoute', namespace: t, name: routeName(r), reason });
    routes.push(
      gatewayApiObject(v, 'HTTPRoute', 'httproutes', t, {
        metadata: generatedMeta(routeName(r), t, { app: `app${r}` }),
        spec: {
          parentRefs: [{ name: gatewayName(g), namespace: teams[g % shape.namespaces] as string }],
          hostnames: [
            reason === 'hostname-mismatch' ? `app${r}.unrelated.example.org` : `app${r}.${gatewayName(g)}.bench.example.com`,
          ],
          rules: rules(r, rng, svc, reason === 'missing-backend' ? `svc-missing-${r}` : undefined),
        },
      }),
    );
  }
  return { size, seed, shape, waves: [ns, support, gateways, routes], broken };
}

/** Two to four rules per route: what real routes mix (Gateway API HTTPRoute, GEP-1364 / spec "HTTPRouteRule"). */
function rules(r: number, rng: Random, svc: () => string, missing: string | undefined): JsonObject[] {
  const backend = (name: string, weight?: number): JsonObject => ({ name, port: 8080, ...(weight ? { weight } : {}) });
  const primary: JsonObject[] = [backend(missing ?? svc(), 90), backend(svc(), 10)];
  if (r % SHARED_BACKEND_EVERY === 0)
    primary.push({ name: rng.pick(SHARED_SERVICES), namespace: SHARED_NAMESPACE, port: 8080, weight: 5 });
  const out: JsonObject[] = [
    {
      matches: [
        { path: { type: 'PathPrefix', value: `/api/v${1 + (r % 3)}` } },
        { path: { type: 'PathPrefix', value: '/api' }, headers: [{ type: 'Exact', name: 'x-team', value: `t${r % 5}` }] },
      ],
      backendRefs: primary,
    },
    {
      matches: [{ path: { type: 'Exact', value: '/healthz' }, method: 'GET' }],
      filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'x-route', value: `r${r}` }] } }],
      backendRefs: [backend(svc())],
    },
  ];
  if (r % 2 === 0)
    out.push({
      matches: [{ path: { type: 'PathPrefix', value: '/legacy' } }],
      filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v1' } } }],
      backendRefs: [backend(svc())],
    });
  if (r % 5 === 0)
    out.push({
      matches: [{ path: { type: 'PathPrefix', value: '/old' } }],
      filters: [
        {
          type: 'RequestRedirect',
          requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new' }, statusCode: 301 },
        },
      ],
    });
  return out;
}

/** Number of objects in a generated mesh. */
export function objectCount(mesh: GeneratedMesh): number {
  return mesh.waves.reduce((n, w) => n + w.length, 0);
}
