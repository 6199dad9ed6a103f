import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { collectionPath, kinds, type KindName } from '@/lib/model/kinds';
import { keyOfObject, type K8sObject, type WatchEvent } from '@/lib/model/objects';
import { discoverServedVersions, type ServedVersions } from '../discovery';
import { describeError } from '../errors';
import { ListWatch } from './list-watch';
import { sanitize } from './sanitize';
import { StringPool } from './string-pool';

/** Sync state of one kind's watch, for stale-data marking in the UI. */
export interface KindSync {
  version: string;
  synced: boolean;
  error?: string;
}

type Listener = (events: WatchEvent[]) => void;

/** Burst window: a watch burst becomes one batch, so the browser renders once per burst. */
const coalesceMs = 100;

/**
 * The console's live copy of one cluster context: a list+watch per served kind (./list-watch, which
 * re-lists on 410 Gone), sanitized on arrival and kept once, fanned out in coalesced batches.
 */
export class ClusterCache {
  private readonly objects = new Map<KindName, Map<string, K8sObject>>();
  private readonly sync = new Map<KindName, KindSync>();
  private readonly revisions = new Map<KindName, number>();
  private readonly listeners = new Set<Listener>();
  /** One pool for every kind: namespaces, groups and names repeat across kinds. */
  private readonly strings = new StringPool();
  private readonly stops: Array<() => Promise<void>> = [];
  private pending: WatchEvent[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  served: ServedVersions = {};

  constructor(
    readonly context: string,
    private readonly config: KubeConfig,
  ) {}

  /** The credentials this cache watches with, for one-off requests in the same context. */
  get kubeConfig(): KubeConfig {
    return this.config;
  }

  /** Discovers what the cluster serves and starts watching it; resolves once every kind listed once. */
  async start(): Promise<void> {
    this.served = await discoverServedVersions(this.config);
    const started = Object.entries(this.served).map(([kind, version]) => this.watchKind(kind as KindName, version));
    await Promise.all(started);
  }

  async stop(): Promise<void> {
    clearTimeout(this.flushTimer);
    await Promise.all(this.stops.map((s) => s().catch(() => undefined)));
  }

  /** Current objects of a kind, optionally in one namespace. */
  list(kind: KindName, namespace?: string): K8sObject[] {
    const all = [...(this.objects.get(kind)?.values() ?? [])];
    return namespace ? all.filter((o) => o.metadata.namespace === namespace) : all;
  }

  get(kind: KindName, key: string): K8sObject | undefined {
    return this.objects.get(kind)?.get(key);
  }

  /** A counter that moves on every change of a kind, so views derived from it can be memoized. */
  revision(kind: KindName): number {
    return this.revisions.get(kind) ?? 0;
  }

  syncState(): Partial<Record<KindName, KindSync>> {
    return Object.fromEntries(this.sync);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async watchKind(kind: KindName, version: string): Promise<void> {
    const info = kinds[kind];
    const path = collectionPath(info, version);
    const store = new Map<string, K8sObject>();
    this.objects.set(kind, store);
    this.sync.set(kind, { version, synced: false });
    const apiVersion = info.group ? `${info.group}/${version}` : version;
    const change = (type: WatchEvent['type'], object: K8sObject, key: string) => {
      this.revisions.set(kind, (this.revisions.get(kind) ?? 0) + 1);
      this.enqueue({ kind, type, key, object });
    };
    let seen: Set<string> | undefined;
    const watch = new ListWatch(this.config, path, {
      relist: () => (seen = new Set()),
      upsert: (raw) => {
        const object = this.strings.share(sanitize({ ...(raw as unknown as K8sObject), kind, apiVersion }));
        const key = keyOfObject(object);
        seen?.add(key);
        const before = store.get(key);
        // A re-list repeats unchanged objects: only a new resourceVersion is a change.
        if (before && before.metadata.resourceVersion === object.metadata.resourceVersion) return;
        store.set(key, object);
        change(before ? 'MODIFIED' : 'ADDED', object, key);
      },
      remove: (raw) => {
        const key = keyOfObject(raw as unknown as K8sObject);
        const before = store.get(key);
        if (!before) return;
        store.delete(key);
        change('DELETED', before, key);
      },
      listed: () => {
        // Objects deleted while the watch was down are missing from the re-list.
        for (const [key, before] of store) {
          if (seen?.has(key)) continue;
          store.delete(key);
          change('DELETED', before, key);
        }
        seen = undefined;
      },
      connected: () => this.sync.set(kind, { version, synced: true }),
      failed: (err) =>
        this.sync.set(kind, {
          version,
          synced: false,
          error: `watching ${kind} was interrupted: ${describeError(err, { path, watch: true })}`,
        }),
    });
    this.stops.push(async () => watch.stop());
    // A kind that could not be listed stays unsynced, with its error, while the others serve.
    if (await watch.start()) this.sync.set(kind, { version, synced: true });
  }

  private enqueue(event: WatchEvent): void {
    this.pending.push(event);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const batch = this.pending;
      this.pending = [];
      for (const l of this.listeners) l(batch);
    }, coalesceMs);
  }
}
