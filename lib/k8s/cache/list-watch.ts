import 'server-only';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { k8sRequest } from '../request';

/** An object as the API sends it, before the console sanitizes it. */
export interface RawObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
  [field: string]: unknown;
}

/** What a list+watch reports; the receiver keeps the only copy of the objects. */
export interface ListWatchHandlers {
  /** A (re)list begins: objects not passed to `upsert` before `listed` are gone. */
  relist(): void;
  upsert(obj: RawObject): void;
  remove(obj: RawObject): void;
  /** The (re)list finished; the watch follows. */
  listed(): void;
  connected(): void;
  failed(err: unknown): void;
}

/** Objects per list request: a 10,000-route kind arrives in pages, not one 20 MB body parsed at once. */
const PAGE_SIZE = 500;
const RETRY_MS = 2_000;
/** A refusal (401/403) changes only when someone changes RBAC: ask again rarely. */
const REFUSED_RETRY_MS = 30_000;

interface ListPage {
  items: RawObject[];
  metadata: { resourceVersion?: string; continue?: string };
}

/**
 * List+watch of one collection, like client-go's reflector: a paged list, then a watch from its
 * resourceVersion that follows bookmarks, re-watches when the stream ends and re-lists on 410 Gone.
 * Unlike client-node's informer it keeps no copy of the objects (the console's cache holds the only,
 * sanitized, one: two copies of a large mesh were most of the console's memory).
 */
export class ListWatch {
  private resourceVersion = '';
  private abort: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly config: KubeConfig,
    private readonly path: string,
    private readonly handlers: ListWatchHandlers,
  ) {}

  /**
   * Lists once and starts watching. A failed first list (a kind the user may not list, an unreachable
   * cluster) is reported through `failed` and retried in the background: one kind must not take the
   * whole cache down with it. Resolves to whether the first list succeeded.
   */
  async start(): Promise<boolean> {
    try {
      await this.list();
    } catch (err) {
      this.handlers.failed(err);
      this.again(true, retryDelay(err));
      return false;
    }
    void this.watch();
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  private async list(): Promise<void> {
    this.handlers.relist();
    let token: string | undefined;
    do {
      const page: ListPage = await k8sRequest<ListPage>(this.config, {
        path: this.path,
        query: { limit: PAGE_SIZE, ...(token ? { continue: token } : {}) },
      });
      for (const item of page.items ?? []) this.handlers.upsert(item);
      token = page.metadata?.continue || undefined;
      this.resourceVersion = page.metadata?.resourceVersion ?? this.resourceVersion;
    } while (token);
    this.handlers.listed();
  }

  private async watch(): Promise<void> {
    if (this.stopped) return;
    let gone = false;
    try {
      this.abort = await new Watch(this.config).watch(
        this.path,
        { resourceVersion: this.resourceVersion, allowWatchBookmarks: true },
        (phase: string, obj: RawObject) => {
          const rv = obj?.metadata?.resourceVersion;
          if (phase === 'ERROR') {
            // A Status object: 410 means our resourceVersion is too old to watch from.
            if ((obj as { code?: number }).code === 410) gone = true;
            return;
          }
          if (rv) this.resourceVersion = rv;
          if (phase === 'ADDED' || phase === 'MODIFIED') this.handlers.upsert(obj);
          else if (phase === 'DELETED') this.handlers.remove(obj);
        },
        (err: unknown) => {
          if (this.stopped) return;
          const failed = Boolean(err) && !isAbort(err);
          if (failed) this.handlers.failed(err);
          // A stream the server ended (its watch timeout) resumes at once; a failure waits a little.
          this.again(gone || isGone(err), failed ? retryDelay(err) : 0);
        },
      );
      this.handlers.connected();
    } catch (err) {
      if (this.stopped) return;
      this.handlers.failed(err);
      this.again(isGone(err), isGone(err) ? 0 : retryDelay(err));
    }
  }

  /** Watches again after a pause, re-listing first when the resourceVersion expired or the list is unknown. */
  private again(relist: boolean, delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.stopped) return;
      const next = relist || !this.resourceVersion ? this.list().then(() => this.watch()) : this.watch();
      next.catch((err: unknown) => {
        if (this.stopped) return;
        this.handlers.failed(err);
        this.again(true, retryDelay(err));
      });
    }, delayMs);
  }
}

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; code?: number } | undefined;
  return e?.statusCode ?? e?.status ?? (typeof e?.code === 'number' ? e.code : undefined);
}

function retryDelay(err: unknown): number {
  const status = statusOf(err);
  return status === 401 || status === 403 ? REFUSED_RETRY_MS : RETRY_MS;
}

function isGone(err: unknown): boolean {
  const e = err as { statusCode?: number; status?: number; code?: number } | undefined;
  return e?.statusCode === 410 || e?.status === 410 || e?.code === 410;
}

function isAbort(err: unknown): boolean {
  return (err as { name?: string } | undefined)?.name === 'AbortError';
}
