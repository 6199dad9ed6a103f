/**
 * Test support: YAML fixtures → Snapshot, and a minimal attachment pass so
 * routing tests do not depend on the full status engine (parentRef name,
 * sectionName/port, protocol and route kind, allowedRoutes All/Same, hostname
 * intersection). Backends are left to routing's own resolver.
 */
// Test support only (imported by *.test.ts, never by the engine): reading fixture files is the point.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { readFileSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { addObject } from '../../test-support';
import { emptySnapshot, type Attachment, type GRPCRoute, type HTTPRoute, type Listener, type Snapshot } from '../../types';
import { compileRoutes } from '../compile';
import type { RouteTable } from '../table';

/** Reads one or more fixture files into a snapshot. */
export function loadSnapshot(...files: string[]): Snapshot {
  const s = emptySnapshot();
  for (const f of files) {
    const text = readFileSync(path.join(__dirname, f), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const o: unknown = doc.toJSON();
      if (typeof o !== 'object' || o === null || !('kind' in o)) continue;
      const obj = o as { kind: string; metadata: { namespace?: string } };
      if (!obj.metadata.namespace && obj.kind !== 'GatewayClass' && obj.kind !== 'Namespace') obj.metadata.namespace = 'default';
      addObject(s, o);
    }
  }
  return s;
}

/** Hostname intersection of a listener and a route hostname (spec HTTPRoute.hostnames). */
function intersect(listener: string | undefined, h: string): string | undefined {
  if (!listener || listener === h) return h;
  const wild = (x: string): boolean => x.startsWith('*.');
  const covers = (w: string, x: string): boolean => wild(w) && x.endsWith(w.slice(1)) && x.length > w.length - 1;
  if (covers(listener, h)) return h;
  if (covers(h, listener)) return listener;
  return undefined;
}

function kindsFor(l: Listener): string[] {
  return l.protocol === 'HTTP' || l.protocol === 'HTTPS' ? ['HTTPRoute', 'GRPCRoute'] : [];
}

/** Minimal attachments for the fixtures (see module doc). */
export function simpleAttachments(s: Snapshot): Attachment[] {
  const out: Attachment[] = [];
  const routes: Array<{ kind: 'HTTPRoute' | 'GRPCRoute'; r: HTTPRoute | GRPCRoute }> = [
    ...s.httpRoutes.map((r) => ({ kind: 'HTTPRoute' as const, r })),
    ...s.grpcRoutes.map((r) => ({ kind: 'GRPCRoute' as const, r })),
  ];
  for (const { kind, r } of routes) {
    const rns = r.metadata.namespace ?? 'default';
    for (const p of r.spec.parentRefs ?? []) {
      const gns = p.namespace ?? rns;
      const gw = s.gateways.find((g) => g.metadata.name === p.name && (g.metadata.namespace ?? 'default') === gns);
      if (!gw) continue;
      for (const l of gw.spec.listeners) {
        if (p.sectionName && p.sectionName !== l.name) continue;
        if (p.port && p.port !== l.port) continue;
        if (!kindsFor(l).includes(kind)) continue;
        const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
        if (from === 'Same' && gns !== rns) continue;
        const hs = r.spec.hostnames ?? [];
        const eff = hs.length ? hs.map((h) => intersect(l.hostname, h)).filter((x): x is string => !!x) : l.hostname ? [l.hostname] : [];
        if (hs.length && eff.length === 0) continue;
        out.push({ gateway: `${gns}/${gw.metadata.name}`, listener: l.name, port: l.port, protocol: l.protocol, routeKind: kind, route: `${rns}/${r.metadata.name}`, hostnames: eff });
      }
    }
  }
  return out;
}

/** Loads fixtures and compiles them into a route table. */
export function tableFrom(...files: string[]): RouteTable {
  const s = loadSnapshot(...files);
  return compileRoutes(s, { attachments: simpleAttachments(s) });
}

/** A deterministic uniform source (mulberry32) for statistical tests. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
