/**
 * The local controller: watches Gateway API objects (and the Services, EndpointSlices, Secrets,
 * Namespaces and ASMMeshConfig they depend on) in the embedded cluster, runs the engine, and
 * writes status through the `status` subresource as a real Gateway API controller does.
 *
 * Like an ASM control plane it leaves Gateway API objects alone while ASMMeshConfig `default`
 * does not have `spec.enableGatewayAPI: true`; when the ASMMeshConfig CRD is not served at all
 * it behaves as a plain Gateway API implementation (always enabled).
 */
import { KubeConfig } from '@kubernetes/client-node';
import { computeStatus, gatewayApiEnabled, objectKey, type EngineStatus, type Snapshot } from '@/lib/gateway-api';
import { startInformer, type KindInformer } from './informer';
import { releaseAgent } from './kube-request';
import { createReconcileLoop } from './reconcile-loop';
import { discoverResources, type DiscoveredResources } from './resources';
import { buildSnapshot } from './snapshot';
import { planStatusWrites } from './status-plan';
import { writeStatuses, type WriteMemo } from './status-writer';

/** GatewayClass controllerNames handled by default: the seeded `istio` class and Portico's own. */
export const DEFAULT_CONTROLLER_NAMES: readonly string[] = ['istio.io/gateway-controller', 'portico.dev/local-gateway'];

/** Options of {@link startController}. */
export interface ControllerOptions {
  kubeconfigPath: string;
  /** GatewayClass `spec.controllerName`s to handle (default {@link DEFAULT_CONTROLLER_NAMES}). */
  controllerNames?: string[];
  /** Address given to a Gateway (key `namespace/name`) that names none in `spec.addresses`. */
  provisionedAddresses?: (gatewayKey: string) => string | undefined;
  log?: (msg: string) => void;
}

/** A running controller. */
export interface Controller {
  /** Stops the watches and waits for a running reconcile to finish. */
  stop(): Promise<void>;
  /** Resolves once every watch has listed and no reconcile is running or scheduled. */
  idle(): Promise<void>;
}

/** Debounce of watch events: long enough to fold a `kubectl apply -f` burst, short enough for sub-second status. */
const DEBOUNCE_MS = 30;

/** RFC 3339 at second precision, as Kubernetes serializes metav1.Time. */
function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Starts the controller; discovery and watches begin at once and retry until the API answers. */
export async function startController(opts: ControllerOptions): Promise<Controller> {
  const kc = new KubeConfig();
  kc.loadFromFile(opts.kubeconfigPath);
  const log = opts.log ?? ((): void => undefined);
  const controllerNames = opts.controllerNames ?? [...DEFAULT_CONTROLLER_NAMES];
  let informers: KindInformer[] = [];
  let discovered: DiscoveredResources | undefined;
  let previous: EngineStatus | undefined;
  let enabledLogged: boolean | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  const memo: WriteMemo = new Map();

  const provisioned = (snapshot: Snapshot): Record<string, string> => {
    const out: Record<string, string> = {};
    if (!opts.provisionedAddresses) return out;
    for (const gw of snapshot.gateways) {
      const key = objectKey(gw);
      const addr = opts.provisionedAddresses(key);
      if (addr !== undefined) out[key] = addr;
    }
    return out;
  };

  const reconcile = async (): Promise<void> => {
    if (!discovered) return;
    const snapshot = buildSnapshot(informers);
    const enabled = discovered.meshConfig === undefined || gatewayApiEnabled(snapshot.meshConfig);
    if (enabled !== enabledLogged) {
      log(
        enabled
          ? 'Gateway API enabled: reconciling status'
          : 'ASMMeshConfig default does not enable Gateway API: leaving status alone',
      );
      enabledLogged = enabled;
    }
    if (!enabled) return;
    const started = Date.now();
    const status = computeStatus(snapshot, {
      controllerNames,
      now: nowRfc3339(),
      provisionedAddresses: provisioned(snapshot),
      ...(previous ? { previous } : {}),
    });
    previous = status;
    const res = await writeStatuses(kc, planStatusWrites(status, informers, controllerNames), memo, log);
    if (res.written > 0) log(`wrote ${res.written} status${res.written === 1 ? '' : 'es'} in ${Date.now() - started} ms`);
    if (res.failed > 0) throw new Error(`${res.failed} status write(s) failed`);
  };

  const loop = createReconcileLoop(reconcile, {
    debounceMs: DEBOUNCE_MS,
    ready: () => discovered !== undefined && informers.every((i) => i.synced),
    onError: (err) => log(`reconcile failed: ${err instanceof Error ? err.message : String(err)}`),
  });

  const discover = async (): Promise<void> => {
    for (let delay = 200; !stopped; delay = Math.min(delay * 2, 5000)) {
      try {
        const d = await discoverResources(kc);
        if (d.gatewayApiServed) {
          if (stopped) return;
          informers = d.defs.map((def) => startInformer(kc, def, { onChange: () => loop.trigger(), log }));
          discovered = d;
          log(`watching ${d.defs.map((x) => `${x.kind}@${x.version}`).join(', ')}`);
          return;
        }
        log('Gateway API CRDs are not served yet; retrying discovery');
      } catch (err) {
        log(`discovery failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, delay);
        wake = () => {
          clearTimeout(t);
          r();
        };
      });
    }
  };
  const discovering = discover();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await discovering;
      await Promise.all(informers.map((i) => i.stop()));
      await loop.stop();
      releaseAgent(kc);
    },
    async idle() {
      await discovering;
      await loop.idle();
    },
  };
}
