/**
 * One verification: choose the target (the user's override or the first usable discovered
 * one), resolve it once and guard it, send, and compare with the engine's prediction.
 */
import 'server-only';
import { isIP } from 'node:net';
import {
  compare,
  curlCommand,
  guardTarget,
  predict,
  resolveAndGuard,
  sendVerification,
  targetPort,
  type GuardPolicy,
  type LookupFn,
} from '@/lib/verify';
import type { Target, VerificationRequest, VerificationResult } from '@/lib/verify/types';
import type { VerifyOutcome } from '@/lib/actions/verify-types';
import { describeError } from './errors';
import { getClusterCache } from './cache/registry';
import { openServicePortForward, type OpenPortForward } from './verify-portforward';
import { gatewayTargets, type VerifyWorld } from './verify-targets';

/** Opens a port-forward to a ready pod of Service `namespace/name` for its port `servicePort`. */
export type PortForwardOpener = (service: string, servicePort: number) => Promise<OpenPortForward>;

/** Options of {@link verifyRequest}. */
export interface VerifyRequestOptions {
  /** `address`, `address:port` or `[v6]:port` typed by the user, replacing discovery. */
  override?: string;
  followRedirects?: boolean;
  http2?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Targets already discovered for the request's Gateway (verify-all reuses them). */
  targets?: Target[];
  lookup?: LookupFn;
  /** How a port-forward target is opened (default: through the world's context's Kubernetes API). */
  portForward?: PortForwardOpener;
}

/** Splits an override into address and optional port; undefined when it is not one. */
export function parseOverride(text: string): { address: string; port?: number } | undefined {
  const t = text.trim();
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(t);
  if (v6) return { address: v6[1] as string, ...(v6[2] ? { port: Number(v6[2]) } : {}) };
  if (isIP(t) === 6) return { address: t };
  const m = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(t);
  if (!m) return undefined;
  return { address: m[1] as string, ...(m[2] ? { port: Number(m[2]) } : {}) };
}

const noResponse = (req: VerificationRequest, reason: string): VerificationResult => ({
  target: { address: '', port: req.port },
  headers: {},
  timings: { dns: 0, connect: 0, tls: 0, firstByte: 0, total: 0 },
  redirects: [],
  error: reason,
  errorCode: 'guard',
});

/**
 * Sends `req` through its Gateway and judges the answer. Never throws for a refused or
 * failed send: the outcome's result carries the error, and the comparison fails.
 */
export async function verifyRequest(
  world: VerifyWorld,
  policy: GuardPolicy,
  req: VerificationRequest,
  opts: VerifyRequestOptions = {},
): Promise<VerifyOutcome> {
  const skipped: VerifyOutcome['skipped'] = [];
  let candidates: Array<{ target: Target; port: number }>;
  if (opts.override) {
    const o = parseOverride(opts.override);
    const target: Target = {
      kind: 'override',
      address: o?.address ?? opts.override,
      addressType: o && isIP(o.address) ? 'IP' : 'Hostname',
      source: 'address typed by the user',
      portMap: {},
    };
    candidates = [{ target, port: o?.port ?? req.port }];
  } else {
    candidates = (opts.targets ?? gatewayTargets(world, req.gateway)).map((t) => ({ target: t, port: targetPort(t, req.port) }));
  }
  const finish = (target: Target, address: string, result: VerificationResult): VerifyOutcome => {
    // The engine indexes status addresses; a Gateway it cannot place by IP is predicted by name.
    const byIp = address !== '' && world.table.byAddressPort.has(`${address.toLowerCase()}|${req.port}`);
    const expectation = predict(world.table, req, byIp ? address : req.gateway);
    const sendTarget = result.target.address ? result.target : { address: address || target.address, port: result.target.port };
    return {
      report: {
        request: req,
        target: sendTarget,
        result,
        comparison: compare(expectation, result),
        curl: sendTarget.address ? curlCommand(req, sendTarget, { http2: opts.http2 ?? req.http2 ?? false }) : '',
      },
      target,
      skipped,
      expectation,
      at: new Date().toISOString(),
    };
  };
  const first = candidates[0];
  if (!first) {
    const why =
      skipped.length > 0
        ? skipped.map((s) => s.reason).join('; ')
        : `Gateway ${req.gateway} has no address yet (status.addresses empty, no ingress Service address)`;
    return finish(
      skipped[0]?.target ?? { kind: 'override', address: '', addressType: 'none', source: 'none', portMap: {} },
      '',
      noResponse(req, `no target to send to: ${why}`),
    );
  }
  if (first.target.kind === 'port-forward') {
    const opener = opts.portForward ?? defaultOpener(world.context);
    const sent = await sendThroughPortForward(req, first.target, opener, opts);
    // Predicted by the Gateway's name: the forward's loopback address is not one of its addresses.
    const outcome = finish(sent.target, '', sent.result);
    return { ...outcome, report: { ...outcome.report, curl: sent.curl } };
  }
  // Only the first candidate is tried: a refused target is reported, never silently replaced.
  const guarded = await resolveAndGuard(first.target.address, first.port, policy, opts.lookup);
  if (!guarded.ok)
    return finish(first.target, '', {
      ...noResponse(req, `target refused: ${guarded.reason}`),
      target: { address: first.target.address, port: first.port },
    });
  const result = await sendVerification(
    req,
    { address: guarded.address, port: first.port },
    {
      dnsMs: guarded.dnsMs,
      ...(opts.followRedirects ? { followRedirects: true } : {}),
      ...(opts.http2 !== undefined ? { http2: opts.http2 } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      guard: (address, port) => guardTarget(address, port, policy),
      mapPort: (p) => targetPort(first.target, p),
    },
  );
  return finish(first.target, guarded.address, result);
}

function defaultOpener(context: string): PortForwardOpener {
  return async (service, servicePort) =>
    openServicePortForward((await getClusterCache(context)).kubeConfig, service, servicePort);
}

/**
 * Sends through a port-forward opened for this one request (to a ready pod of the ingress gateway
 * Service, for the listener's Service port) and closes it after. The only loopback address the
 * guard lets through is the forward's own listener; the curl command opens the same forward.
 */
async function sendThroughPortForward(
  req: VerificationRequest,
  marker: Target,
  open: PortForwardOpener,
  opts: VerifyRequestOptions,
): Promise<{ target: Target; result: VerificationResult; curl: string }> {
  const service = marker.service ?? '';
  let fw: Awaited<ReturnType<PortForwardOpener>>;
  try {
    fw = await open(service, req.port);
  } catch (err) {
    const reason = `port-forward to a pod of ${service || 'the ingress gateway Service'} failed: ${describeError(err)}`;
    return { target: marker, result: noResponse(req, reason), curl: '' };
  }
  try {
    const target: Target = {
      ...marker,
      address: fw.address,
      addressType: 'IP',
      source: `via port-forward to pod ${fw.pod} (port ${fw.podPort}) through the Kubernetes API`,
    };
    const to = { address: fw.address, port: fw.port };
    const result = await sendVerification(req, to, {
      ...(opts.followRedirects ? { followRedirects: true } : {}),
      ...(opts.http2 !== undefined ? { http2: opts.http2 } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      // Redirects may only come back to the same forwarded port.
      guard: (address, port) =>
        address === fw.address && port === fw.port
          ? { ok: true }
          : { ok: false, reason: `${address}:${port} is not the port-forward this verification opened: refused` },
      mapPort: (p) => (p === req.port ? fw.port : p),
    });
    const [ns, pod] = fw.pod.split('/');
    const forward = `kubectl port-forward -n ${ns} pod/${pod} ${fw.port}:${fw.podPort} & sleep 2; `;
    return { target, result, curl: forward + curlCommand(req, to, { http2: opts.http2 ?? req.http2 ?? false }) };
  } finally {
    await fw.close();
  }
}
