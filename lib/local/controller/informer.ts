/**
 * A self-healing informer for one kind: client-node's ListWatch (what `makeInformer` builds),
 * fed through a watch that slims every object on arrival, and restarted with exponential
 * backoff whenever it stops on an error (client-node informers do not restart themselves).
 */
import { ListWatch, Watch, type KubeConfig, type KubernetesListObject } from '@kubernetes/client-node';
import { kubeRequest } from './kube-request';
import { collectionPath, type ResourceDef } from './resources';
import { slimObject, type StoredObject } from './slim';

/** Backoff of informer restarts. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

const DEFAULT_BACKOFF: Backoff = { initialMs: 200, maxMs: 10_000 };

/** A running informer of one kind. */
export interface KindInformer {
  readonly def: ResourceDef;
  /** True once a list has succeeded (the cache reflects the server at some resourceVersion). */
  readonly synced: boolean;
  list(): readonly StoredObject[];
  get(name: string, namespace?: string): StoredObject | undefined;
  stop(): Promise<void>;
}

/** A Watch whose events carry slimmed objects, so the ListWatch cache never holds Secret data. */
class SlimWatch extends Watch {
  constructor(
    config: KubeConfig,
    private readonly def: ResourceDef,
  ) {
    super(config);
  }

  override watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    const slimmed = (phase: string, obj: unknown): void => {
      const keep = phase === 'ADDED' || phase === 'MODIFIED' || phase === 'DELETED';
      callback(phase, keep ? slimObject(this.def, obj) : obj);
    };
    return super.watch(path, queryParams, slimmed, done);
  }
}

/** Starts listing and watching `def` cluster-wide; `onChange` fires after every cache change and every successful list. */
export function startInformer(
  kc: KubeConfig,
  def: ResourceDef,
  opts: { onChange: () => void; log: (msg: string) => void; backoff?: Backoff },
): KindInformer {
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const path = collectionPath(def);
  let synced = false;
  let stopped = false;
  let delay = backoff.initialMs;
  let timer: NodeJS.Timeout | undefined;

  const listFn = async (): Promise<KubernetesListObject<StoredObject>> => {
    const list = (await kubeRequest(kc, 'GET', path)) as { metadata?: { resourceVersion?: string }; items?: unknown[] };
    // A list may bring no per-object event (nothing changed, or an empty kind): still a reason to
    // reconcile. Triggered before `synced` flips so that idle() never sees a synced, unreconciled cache.
    opts.onChange();
    synced = true;
    delay = backoff.initialMs;
    return { metadata: list.metadata ?? {}, items: (list.items ?? []).map((o) => slimObject(def, o)) };
  };

  const lw = new ListWatch<StoredObject>(path, new SlimWatch(kc, def), listFn, false);
  for (const verb of ['add', 'update', 'delete'] as const) lw.on(verb, () => opts.onChange());
  lw.on('error', (err: unknown) => {
    if (stopped) return;
    opts.log(`watch of ${def.kind} stopped (${err instanceof Error ? err.message : String(err)}); restarting in ${delay} ms`);
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!stopped) void lw.start();
    }, delay);
    delay = Math.min(delay * 2, backoff.maxMs);
  });
  void lw.start();

  return {
    def,
    get synced() {
      return synced;
    },
    list: () => lw.list(),
    get: (name, namespace) => lw.get(name, namespace),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await lw.stop();
    },
  };
}
