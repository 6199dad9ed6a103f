/**
 * Istio `Gateway` → Gateway API `Gateway`. Istio's Gateway configures the ingress gateway
 * deployment its `selector` picks; ASM's Gateway API Gateway binds to that deployment's Service
 * through `spec.addresses` (the seed's "Key fields"), so the selector becomes an address.
 * Each (server, host) pair becomes one listener: Gateway API listeners carry one hostname.
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listener
 */
import { dnsLabel, emit, report, type GatewayConversion, type MigrationContext, type Origin } from './context';
import { addGrant } from './grants';
import { ingressServicesFor, serviceHostname } from './services';
import type { IstioGateway, IstioServer } from './types';

type Listener = Record<string, unknown> & { name: string; port: number; protocol: string; hostname?: string };

/** Converts one Istio Gateway; records it for the VirtualServices that reference it. */
export function convertGateway(ctx: MigrationContext, gw: IstioGateway): void {
  const namespace = gw.metadata.namespace ?? 'default';
  const origin: Origin = { kind: 'Gateway', namespace, name: gw.metadata.name };
  const ingress = ingressFor(ctx, gw, origin);
  const listeners: Listener[] = [];
  const conv: GatewayConversion = { namespace, name: gw.metadata.name, listeners: [] };
  (gw.spec.servers ?? []).forEach((server, i) => {
    const made = serverListeners(ctx, origin, server, i, ingress.namespace, namespace);
    for (const l of made) {
      if (listeners.some((x) => x.port === l.port && (x.hostname ?? '') === (l.hostname ?? ''))) {
        report(
          ctx,
          origin,
          ['spec', 'servers', i],
          'warning',
          `port ${l.port} host ${l.hostname ?? '*'} is already served by an earlier server; skipped (Gateway API would report a HostnameConflict)`,
        );
        continue;
      }
      l.name = uniqueName(listeners, l.name);
      listeners.push(l);
      conv.listeners.push({
        name: l.name,
        port: l.port,
        protocol: l.protocol,
        ...(l.hostname ? { hostname: l.hostname } : {}),
        serverIndex: i,
        ...(server.port.protocol.toUpperCase() === 'GRPC' ? { grpc: true } : {}),
        // Istio answers every request on an httpsRedirect server with the redirect, before any route.
        ...(server.tls?.httpsRedirect && l.protocol === 'HTTP' ? { redirectsToHttps: true } : {}),
      });
    }
    if (server.tls?.httpsRedirect) httpsRedirectRoute(ctx, origin, conv, i);
  });
  emit(
    ctx,
    {
      apiVersion: ctx.target.apiVersion,
      kind: 'Gateway',
      metadata: { name: gw.metadata.name, namespace },
      spec: {
        gatewayClassName: ctx.target.gatewayClassName,
        addresses: [{ type: 'Hostname', value: ingress.hostname }],
        listeners,
      },
    },
    origin,
  );
  ctx.gateways.set(`${namespace}/${gw.metadata.name}`, conv);
}

function ingressFor(ctx: MigrationContext, gw: IstioGateway, origin: Origin): { hostname: string; namespace: string } {
  const selector = gw.spec.selector ?? {};
  const found = ingressServicesFor(ctx.services, selector);
  const text = JSON.stringify(selector);
  if (found.length === 0) {
    report(
      ctx,
      origin,
      ['spec', 'selector'],
      'warning',
      `no Service in the cluster matches selector ${text}: replace <ingress-gateway-name> in spec.addresses with the ingress gateway Service`,
    );
    return { hostname: '<ingress-gateway-name>.istio-system.svc.cluster.local', namespace: 'istio-system' };
  }
  const svc = found[0] as (typeof found)[number];
  if (found.length > 1) {
    report(
      ctx,
      origin,
      ['spec', 'selector'],
      'note',
      `selector ${text} matches ${found.length} Services; bound to ${svc.namespace}/${svc.name}`,
    );
  }
  return { hostname: serviceHostname(svc), namespace: svc.namespace };
}

function uniqueName(existing: readonly Listener[], base: string): string {
  let name = base;
  for (let n = 2; existing.some((l) => l.name === name); n++) name = `${base}-${n}`;
  return name;
}

/** Splits `ns/host` (Istio's namespace-scoped host) into the namespace part and the host. */
function splitHost(entry: string): { ns: string; host: string } {
  const slash = entry.indexOf('/');
  return slash < 0 ? { ns: '*', host: entry } : { ns: entry.slice(0, slash), host: entry.slice(slash + 1) };
}

/** `allowedRoutes` for Istio's namespace part: `*` any, `.` the Gateway's own, else that namespace. */
function allowedRoutes(ns: string): Record<string, unknown> {
  if (ns === '*') return { namespaces: { from: 'All' } };
  if (ns === '.') return { namespaces: { from: 'Same' } };
  return { namespaces: { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } } };
}

function serverListeners(
  ctx: MigrationContext,
  origin: Origin,
  server: IstioServer,
  i: number,
  ingressNs: string,
  gatewayNs: string,
): Listener[] {
  const path = ['spec', 'servers', i];
  const proto = listenerProtocol(ctx, origin, server, path);
  if (!proto) return [];
  if (server.bind)
    report(ctx, origin, [...path, 'bind'], 'warning', 'bind (listen on one IP) has no Gateway API equivalent; dropped');
  const base = dnsLabel(server.port.name ?? server.name ?? `${proto.protocol}-${server.port.number}`);
  const hosts = server.hosts.length > 0 ? server.hosts : ['*'];
  return hosts.map((entry, j) => {
    const { ns, host } = splitHost(entry);
    const l: Listener = {
      name: hosts.length > 1 ? `${base}-${j + 1}` : base,
      port: server.port.number,
      protocol: proto.protocol,
      allowedRoutes: allowedRoutes(ns),
    };
    // A hostname of `*` alone is invalid in Gateway API; no hostname means every host.
    if (host !== '*') l.hostname = host;
    if (proto.tls) l.tls = tlsFor(ctx, origin, server, path, proto.tls, ingressNs, gatewayNs);
    return l;
  });
}

function listenerProtocol(
  ctx: MigrationContext,
  origin: Origin,
  server: IstioServer,
  path: Array<string | number>,
): { protocol: string; tls?: 'Terminate' | 'Passthrough' } | undefined {
  const p = server.port.protocol.toUpperCase();
  const mode = server.tls?.mode ?? (p === 'HTTPS' || p === 'TLS' ? undefined : 'NONE');
  if (p === 'HTTP' || p === 'HTTP2' || p === 'GRPC') {
    if (p !== 'HTTP')
      report(
        ctx,
        origin,
        [...path, 'port', 'protocol'],
        'note',
        `${p} becomes an HTTP listener (HTTP/2 cleartext; GRPCRoute and HTTPRoute attach to it)`,
      );
    return { protocol: 'HTTP' };
  }
  if (p === 'HTTPS' || p === 'TLS') {
    if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
      if (!ctx.target.tlsRoute)
        report(
          ctx,
          origin,
          [...path, 'tls', 'mode'],
          'warning',
          'TLS passthrough needs TLSRoute, which this cluster does not serve; the listener is generated but no route can attach',
        );
      return { protocol: 'TLS', tls: 'Passthrough' };
    }
    if (mode === 'ISTIO_MUTUAL') {
      report(
        ctx,
        origin,
        [...path, 'tls', 'mode'],
        'warning',
        'ISTIO_MUTUAL (mesh mTLS at the gateway) has no Gateway API equivalent; server skipped',
      );
      return undefined;
    }
    if (mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL') {
      report(
        ctx,
        origin,
        [...path, 'tls', 'mode'],
        'warning',
        `${mode}: client certificate validation is not carried over (Gateway API frontend validation is experimental); the listener terminates TLS without it`,
      );
    }
    return { protocol: p === 'HTTPS' ? 'HTTPS' : 'TLS', tls: 'Terminate' };
  }
  if (p === 'TCP' || p === 'MONGO' || p === 'REDIS' || p === 'MYSQL') {
    if (!ctx.target.tcpRoute)
      report(
        ctx,
        origin,
        [...path, 'port', 'protocol'],
        'warning',
        `${p} needs TCPRoute, which this cluster does not serve; the listener is generated but no route can attach`,
      );
    return { protocol: 'TCP' };
  }
  report(
    ctx,
    origin,
    [...path, 'port', 'protocol'],
    'warning',
    `protocol ${server.port.protocol} has no Gateway API listener protocol; server skipped`,
  );
  return undefined;
}

function tlsFor(
  ctx: MigrationContext,
  origin: Origin,
  server: IstioServer,
  path: Array<string | number>,
  mode: 'Terminate' | 'Passthrough',
  ingressNs: string,
  gatewayNs: string,
): Record<string, unknown> {
  if (mode === 'Passthrough') return { mode };
  const secret = server.tls?.credentialName;
  if (!secret) {
    report(
      ctx,
      origin,
      [...path, 'tls'],
      'warning',
      'TLS without credentialName (file-mounted certificates) cannot be referenced; set certificateRefs to a kubernetes.io/tls Secret',
    );
    return { mode, certificateRefs: [{ name: '<certificate-secret-name>' }] };
  }
  // Istio reads credentialName from the ingress gateway's namespace; a Gateway elsewhere needs a grant.
  if (ingressNs === gatewayNs) return { mode, certificateRefs: [{ kind: 'Secret', name: secret }] };
  addGrant(ctx, origin, {
    fromKind: 'Gateway',
    fromNamespace: gatewayNs,
    toKind: 'Secret',
    toNamespace: ingressNs,
    toName: secret,
  });
  return { mode, certificateRefs: [{ kind: 'Secret', name: secret, namespace: ingressNs }] };
}

/** Istio `tls.httpsRedirect: true` on a plain HTTP server: a 301 to https for every host it serves. */
function httpsRedirectRoute(ctx: MigrationContext, origin: Origin, conv: GatewayConversion, serverIndex: number): void {
  const sections = conv.listeners.filter((l) => l.serverIndex === serverIndex && l.protocol === 'HTTP');
  if (sections.length === 0) return;
  emit(
    ctx,
    {
      apiVersion: ctx.target.apiVersion,
      kind: 'HTTPRoute',
      metadata: { name: dnsLabel(`${conv.name}-https-redirect`), namespace: conv.namespace },
      spec: {
        parentRefs: sections.map((l) => ({ name: conv.name, sectionName: l.name })),
        rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
      },
    },
    origin,
  );
  report(
    ctx,
    origin,
    ['spec', 'servers', serverIndex, 'tls', 'httpsRedirect'],
    'note',
    `httpsRedirect becomes HTTPRoute ${conv.namespace}/${dnsLabel(`${conv.name}-https-redirect`)} (RequestRedirect scheme https, 301)`,
  );
}
