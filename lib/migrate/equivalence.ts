/**
 * The traffic equivalence check: sample requests derived from the VirtualServices' matches, the
 * destination under Istio semantics vs the one Portico's Gateway API engine computes for the
 * generated objects. A difference is a behaviour change the reviewer must accept or fix.
 */
import { computeStatus } from '@/lib/gateway-api/compute-status';
import { compileRoutes, routeHttp, type RouteTable } from '@/lib/gateway-api/routing';
import { addObject } from '@/lib/gateway-api/snapshot-input';
import { emptySnapshot, type EngineStatus, type Snapshot } from '@/lib/gateway-api/types';
import { sampleForRegex } from '@/lib/gateway-api/routing/regex-sample';
import { istioOutcome, type Outcome, type SampleRequest } from './istio-routing';
import type { DestinationRule, GeneratedObject, HttpMatch, IstioObject, ServiceInfo, StringMatch, VirtualService } from './types';

/** One compared request. */
export interface TrafficSample {
  request: SampleRequest;
  istio: Outcome;
  gatewayApi: Outcome;
  same: boolean;
}

/** The comparison for a migration. */
export interface TrafficComparison {
  samples: TrafficSample[];
  differences: number;
}

const PREVIEW_CONTROLLER = 'portico.dev/migration-preview';

function concreteHost(h: string): string | undefined {
  if (h === '*') return 'example.com';
  if (h.startsWith('*.')) return `a${h.slice(1)}`;
  return h.includes('.') ? h.toLowerCase() : undefined;
}

function sampleValue(m: StringMatch): string | undefined {
  if (m.exact !== undefined) return m.exact;
  if (m.prefix !== undefined) return `${m.prefix}x`;
  return m.regex !== undefined ? (sampleForRegex(m.regex) ?? undefined) : undefined;
}

/** Requests that exercise each match of each http entry, plus each prefix's edge (`/prefixx`). */
function samplesFor(vs: VirtualService): SampleRequest[] {
  const hosts = (vs.spec.hosts ?? []).map(concreteHost).filter((h): h is string => h !== undefined);
  const out: SampleRequest[] = [];
  const matches: HttpMatch[] = (vs.spec.http ?? []).flatMap((h) => (h.match && h.match.length > 0 ? h.match : [{}]));
  for (const host of hosts) {
    for (const m of matches) {
      const paths =
        m.uri?.exact !== undefined
          ? [m.uri.exact]
          : m.uri?.prefix !== undefined
            ? [m.uri.prefix, `${m.uri.prefix.replace(/\/$/, '')}/a`]
            : [];
      if (m.uri?.prefix && !m.uri.prefix.endsWith('/')) paths.push(`${m.uri.prefix}x`);
      if (m.uri?.regex !== undefined) paths.push(sampleForRegex(m.uri.regex) ?? '/');
      if (paths.length === 0) paths.push('/');
      const headers: Record<string, string> = {};
      for (const [name, sm] of Object.entries(m.headers ?? {})) {
        const v = sampleValue(sm);
        if (v !== undefined) headers[name.toLowerCase()] = v;
      }
      const query = Object.entries(m.queryParams ?? {})
        .map(([k, sm]) => [k, sampleValue(sm)] as const)
        .filter((e): e is readonly [string, string] => e[1] !== undefined)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
      const method = m.method?.exact?.toUpperCase() ?? 'GET';
      for (const p of paths) out.push({ host, path: query ? `${p}?${query}` : p, method, headers });
    }
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = JSON.stringify(r);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The generated objects plus the Services they route to, as the engine's input. */
function previewSnapshot(objects: readonly GeneratedObject[], services: readonly ServiceInfo[], className: string): Snapshot {
  const s = emptySnapshot();
  s.gatewayClasses.push({ metadata: { name: className }, spec: { controllerName: PREVIEW_CONTROLLER } });
  for (const svc of services) {
    s.services.push({
      metadata: { name: svc.name, namespace: svc.namespace, labels: svc.labels ?? {} },
      spec: { ports: svc.ports },
    });
  }
  for (const o of objects) {
    if (o.object.kind === 'Service') {
      const spec = o.object.spec as { ports?: Array<{ port: number }> };
      s.services.push({
        metadata: { name: o.object.metadata.name, namespace: o.object.metadata.namespace ?? 'default' },
        spec: { ports: spec.ports ?? [] },
      });
    } else addObject(s, o.object);
    // The comparison is about routing, not certificates: assume every referenced certificate exists.
    if (o.object.kind === 'Gateway') {
      const spec = o.object.spec as {
        listeners?: Array<{ tls?: { certificateRefs?: Array<{ name: string; namespace?: string }> } }>;
      };
      for (const l of spec.listeners ?? []) {
        for (const ref of l.tls?.certificateRefs ?? []) {
          s.secrets.push({
            metadata: { name: ref.name, namespace: ref.namespace ?? o.object.metadata.namespace ?? 'default' },
            type: 'kubernetes.io/tls',
            keys: ['tls.crt', 'tls.key'],
          });
        }
      }
    }
  }
  return s;
}

function gatewayOutcome(d: ReturnType<typeof routeHttp>): Outcome {
  const by = d.route ? `${d.route} rule ${d.ruleIndex ?? 0}` : undefined;
  if (d.outcome === 'redirect') return { kind: 'redirect', redirect: { status: d.status ?? 302 }, ...(by ? { by } : {}) };
  if (d.outcome !== 'forward') return { kind: 'none', ...(by ? { by } : {}) };
  const backends: Record<string, number> = {};
  for (const a of d.alternatives)
    backends[`${a.namespace}/${a.service}`] = (backends[`${a.namespace}/${a.service}`] ?? 0) + a.probability;
  return { kind: 'forward', backends, ...(by ? { by } : {}) };
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'redirect') return a.redirect?.status === b.redirect?.status;
  if (a.kind === 'none') return true;
  const keys = new Set([...Object.keys(a.backends ?? {}), ...Object.keys(b.backends ?? {})]);
  for (const k of keys) if (Math.abs((a.backends?.[k] ?? 0) - (b.backends?.[k] ?? 0)) > 0.005) return false;
  return true;
}

/** The engine's view of the generated objects: status once, routing table compiled when first asked. */
export interface MigrationPreview {
  status: EngineStatus;
  table(): RouteTable;
}

/** Runs the engine once on the generated objects; the verdict and the traffic comparison both read it. */
export function previewEngine(
  generated: readonly GeneratedObject[],
  services: readonly ServiceInfo[],
  gatewayClassName: string,
): MigrationPreview {
  const snapshot = previewSnapshot(generated, services, gatewayClassName);
  const status = computeStatus(snapshot, { controllerNames: [PREVIEW_CONTROLLER], now: '1970-01-01T00:00:00Z' });
  let table: RouteTable | undefined;
  return { status, table: () => (table ??= compileRoutes(snapshot, status)) };
}

/** Compares Istio's and the generated routes' decisions for sample requests of every VirtualService. */
export function compareTraffic(
  input: readonly IstioObject[],
  preview: MigrationPreview,
  services: readonly ServiceInfo[],
): TrafficComparison {
  const vss = input.filter((o): o is VirtualService => o.kind === 'VirtualService');
  const rules = input.filter((o): o is DestinationRule => o.kind === 'DestinationRule');
  const { status } = preview;
  const samples: TrafficSample[] = [];
  for (const vs of vss) {
    const peers = vss.filter((v) => JSON.stringify(v.spec.gateways ?? []) === JSON.stringify(vs.spec.gateways ?? []));
    // Send where the generated route attached (an httpsRedirect server leaves it the HTTPS listener);
    // a route that attached nowhere gets port 80, where the engine will find nothing: a difference.
    const key = `${vs.metadata.namespace ?? 'default'}/${vs.metadata.name}`;
    const att = status.attachments.find((a) => a.route === key);
    // gRPC calls are not HTTP samples; GRPCRoutes are checked by the engine's verdict only.
    if (att?.routeKind === 'GRPCRoute') continue;
    const scheme = att?.protocol === 'HTTPS' ? 'https' : 'http';
    const port = att?.port ?? 80;
    for (const request of samplesFor(vs)) {
      const istio = istioOutcome(peers, rules, services, request);
      const d = routeHttp(
        preview.table(),
        { scheme, host: request.host, port, method: request.method, path: request.path, headers: request.headers },
        { random: () => 0, explain: false },
      );
      const gatewayApi = gatewayOutcome(d);
      samples.push({ request, istio, gatewayApi, same: sameOutcome(istio, gatewayApi) });
    }
  }
  return { samples, differences: samples.filter((s) => !s.same).length };
}

/** The engine's verdict on one generated Gateway or route, against the cluster's Services. */
export interface Verdict {
  kind: string;
  namespace: string;
  name: string;
  ok: boolean;
  /** `Accepted`/`Programmed`/`ResolvedRefs` problems, or the positive summary. */
  summary: string;
}

/**
 * Runs the engine on the generated objects (with the cluster's Services, certificates assumed
 * present): which Gateways would be accepted and which routes attach and resolve their backends.
 */
export function previewVerdicts({ status }: MigrationPreview): Verdict[] {
  const out: Verdict[] = [];
  for (const [key, st] of Object.entries(status.gateways)) {
    const [namespace = '', name = ''] = key.split('/');
    const bad = (st.listeners ?? []).flatMap((l) =>
      l.conditions
        .filter((c) => (c.type === 'Conflicted' ? c.status === 'True' : c.status === 'False') && c.type !== 'Programmed')
        .map((c) => `listener ${l.name}: ${c.reason}: ${c.message}`),
    );
    const accepted = (st.conditions ?? []).find((c) => c.type === 'Accepted');
    if (accepted?.status === 'False') bad.unshift(`${accepted.reason}: ${accepted.message}`);
    out.push({
      kind: 'Gateway',
      namespace,
      name,
      ok: bad.length === 0,
      summary: bad.length ? bad.join('; ') : `Accepted, ${(st.listeners ?? []).length} listener(s)`,
    });
  }
  for (const [kind, field] of [
    ['HTTPRoute', 'httpRoutes'],
    ['GRPCRoute', 'grpcRoutes'],
  ] as const) {
    for (const [key, st] of Object.entries(status[field])) {
      const [namespace = '', name = ''] = key.split('/');
      const bad = st.parents.flatMap((p) =>
        p.conditions.filter((c) => c.status === 'False').map((c) => `${p.parentRef.name}: ${c.reason}: ${c.message}`),
      );
      const attached = status.attachments
        .filter((a) => a.route === key && a.routeKind === kind)
        .map((a) => `${a.gateway} listener ${a.listener}`);
      out.push({
        kind,
        namespace,
        name,
        ok: bad.length === 0,
        summary: bad.length ? bad.join('; ') : `Accepted by ${attached.join(', ') || 'no listener'}`,
      });
    }
  }
  return out;
}
