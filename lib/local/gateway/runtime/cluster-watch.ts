/**
 * The runtime's view of the cluster: the same discovery, informers and snapshot as the local
 * controller (imported from lib/local/controller, so both see objects identically), driving a
 * debounced, serial reconcile pass.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { startInformer, type KindInformer } from '@/lib/local/controller/informer';
import { createReconcileLoop } from '@/lib/local/controller/reconcile-loop';
import { discoverResources, type DiscoveredResources } from '@/lib/local/controller/resources';

/** Debounce of watch events: folds a `kubectl apply -f` burst, keeps changes well under a second. */
const DEBOUNCE_MS = 30;

/** What a reconcile pass sees. */
export interface WatchView {
  discovered: DiscoveredResources;
  informers: readonly KindInformer[];
}

/** A running watch. */
export interface ClusterWatch {
  /** Asks for a pass (debounced). */
  trigger(): void;
  /** Resolves once discovery finished, every informer listed, and no pass is running or scheduled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Discovers the served kinds (retrying until the Gateway API CRDs are served), then watches them. */
export function startClusterWatch(
  kc: KubeConfig,
  pass: (view: WatchView) => Promise<void>,
  log: (msg: string) => void,
): ClusterWatch {
  let informers: KindInformer[] = [];
  let discovered: DiscoveredResources | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;

  const loop = createReconcileLoop(
    async () => {
      if (discovered) await pass({ discovered, informers });
    },
    {
      debounceMs: DEBOUNCE_MS,
      ready: () => discovered !== undefined && informers.every((i) => i.synced),
      onError: (err) => log(`reconcile failed: ${err instanceof Error ? err.message : String(err)}`),
    },
  );

  const discover = async (): Promise<void> => {
    for (let delay = 200; !stopped; delay = Math.min(delay * 2, 5000)) {
      try {
        const d = await discoverResources(kc);
        if (d.gatewayApiServed) {
          if (stopped) return;
          informers = d.defs.map((def) => startInformer(kc, def, { onChange: () => loop.trigger(), log }));
          discovered = d;
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
    trigger: () => loop.trigger(),
    async idle() {
      await discovering;
      await loop.idle();
    },
    async stop() {
      stopped = true;
      wake?.();
      await discovering;
      await Promise.all(informers.map((i) => i.stop()));
      await loop.stop();
    },
  };
}
