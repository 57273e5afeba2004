import type { KubeObject, WatchEvent } from '../core/kube/types.js';
import { isStatus } from '../core/kube/types.js';
import type { ResourceType } from '../core/kube/resource.js';
import { Backoff, defaultBackoff, type BackoffOptions } from './backoff.js';
import { KubeApiError, type KubeClient, type WatchEnd, type WatchHandle } from './kube-client.js';

/**
 * - `listing`: the first list is in flight (nothing known yet).
 * - `live`: listed and watching; the cache follows the server.
 * - `reconnecting`: the watch broke; the cache holds the last known state while we relist.
 * - `error`: the last list failed; `error` says why, retries continue with backoff.
 * - `stopped`: not started, or stopped.
 */
export type InformerPhase = 'stopped' | 'listing' | 'live' | 'reconnecting' | 'error';

export interface InformerState {
  phase: InformerPhase;
  /** The last API or network error, kept until the next successful list. */
  error: KubeApiError | undefined;
  /** True once a list has succeeded (the items are meaningful, possibly stale while reconnecting). */
  synced: boolean;
  /** When the cache last changed or was confirmed by the server (ms since epoch). */
  lastUpdate: number | undefined;
  resourceVersion: string | undefined;
}

export interface InformerChange<T extends KubeObject> {
  /** `sync`: the cache was replaced by a (re)list. */
  type: 'added' | 'modified' | 'deleted' | 'sync' | 'state';
  object?: T;
  previous?: T;
}

export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  backoff?: BackoffOptions;
  /** A watch that ends sooner than this after opening counts as a failure for backoff. */
  minHealthyWatchMs?: number;
  now?: () => number;
}

/** `namespace/name` (or `name` for cluster-scoped objects): the cache key. */
export function objectKey(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return namespace ? `${namespace}/${name ?? ''}` : (name ?? '');
}

/**
 * A list+watch cache of one resource type in one scope: the TypeScript version of client-go's
 * Reflector + Store. Lists, then watches from the list's resourceVersion; re-watches from the last
 * seen resourceVersion when a watch ends cleanly; relists (with backoff) after 410 Expired, a watch
 * error or a failed connection; never drops what it knows while reconnecting.
 */
export class Informer<T extends KubeObject> {
  private readonly cache = new Map<string, T>();
  private itemsSnapshot: T[] | undefined;
  /** When a watch event last added or changed each object (not set by lists), for highlights. */
  private readonly changed = new Map<string, number>();
  private readonly listeners = new Set<(change: InformerChange<T>) => void>();
  private readonly backoff: Backoff;
  private readonly now: () => number;
  private watchHandle: WatchHandle | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Watches in a row that the server closed at once without sending anything. */
  private quickCloses = 0;
  private current: InformerState = {
    phase: 'stopped',
    error: undefined,
    synced: false,
    lastUpdate: undefined,
    resourceVersion: undefined,
  };

  constructor(
    private readonly client: KubeClient,
    readonly type: ResourceType,
    private readonly options: InformerOptions = {},
  ) {
    this.backoff = new Backoff(options.backoff ?? defaultBackoff);
    this.now = options.now ?? Date.now;
  }

  get state(): InformerState {
    return this.current;
  }

  get namespace(): string | undefined {
    return this.options.namespace;
  }

  /** The cached objects; the same array until the cache changes (callers may memoize on it). */
  items(): T[] {
    this.itemsSnapshot ??= [...this.cache.values()];
    return this.itemsSnapshot;
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  get size(): number {
    return this.cache.size;
  }

  subscribe(listener: (change: InformerChange<T>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.current.phase !== 'stopped') return;
    this.setState({ phase: 'listing' });
    void this.list(++this.generation);
  }

  stop(): void {
    this.generation += 1;
    this.clearRetry();
    this.watchHandle?.stop();
    this.watchHandle = undefined;
    this.setState({ phase: 'stopped' });
  }

  private async list(generation: number): Promise<void> {
    try {
      const list = await this.client.list<T>(
        this.type,
        { namespace: this.options.namespace },
        {
          labelSelector: this.options.labelSelector,
          fieldSelector: this.options.fieldSelector,
        },
      );
      if (generation !== this.generation) return;
      this.replaceCache(list.items);
      const resourceVersion = list.metadata.resourceVersion;
      this.setState({
        phase: 'live',
        error: undefined,
        synced: true,
        lastUpdate: this.now(),
        resourceVersion,
      });
      this.watch(generation, resourceVersion);
    } catch (error) {
      if (generation !== this.generation) return;
      const apiError =
        error instanceof KubeApiError
          ? error
          : new KubeApiError(0, error instanceof Error ? error.message : String(error));
      this.setState({ phase: this.current.synced ? 'reconnecting' : 'error', error: apiError });
      this.scheduleRelist(generation);
    }
  }

  private watch(generation: number, resourceVersion: string | undefined): void {
    let openedAt: number | undefined;
    let sawEvent = false;
    let relist = false;
    const handle = this.client.watch<T>(
      this.type,
      { namespace: this.options.namespace },
      {
        resourceVersion,
        labelSelector: this.options.labelSelector,
        fieldSelector: this.options.fieldSelector,
        allowWatchBookmarks: true,
      },
      {
        onOpen: () => {
          openedAt = this.now();
          if (generation === this.generation && this.current.phase === 'reconnecting') {
            this.setState({ phase: 'live' });
          }
        },
        onEvent: (event) => {
          if (generation !== this.generation || relist) return;
          if (event.type === 'ERROR') {
            // 410 Expired (or any other error event): the resourceVersion is unusable; relist.
            relist = true;
            const status = isStatus(event.object) ? event.object : undefined;
            if (status && status.code !== 410) {
              this.setState({ error: KubeApiError.fromStatus(status) });
            }
            handle.stop();
            return;
          }
          sawEvent = true;
          this.apply(event);
        },
        onEnd: (end: WatchEnd) => {
          if (generation !== this.generation) return;
          this.watchHandle = undefined;
          const lived = openedAt === undefined ? 0 : this.now() - openedAt;
          const healthy = sawEvent || lived >= (this.options.minHealthyWatchMs ?? 1000);
          if (relist) {
            this.setState({ phase: 'reconnecting' });
            this.backoff.reset();
            void this.list(generation);
          } else if (end.reason === 'closed') {
            // The server ended the watch (timeout, a restart): carry on from the last resourceVersion.
            // Only a server that keeps closing watches at once is answered with a growing delay.
            if (healthy) this.quickCloses = 0;
            else this.quickCloses += 1;
            if (this.quickCloses <= 1) {
              this.backoff.reset();
              this.watch(generation, this.current.resourceVersion);
            } else {
              this.setState({ phase: 'reconnecting' });
              this.scheduleRewatch(generation);
            }
          } else if (end.reason !== 'aborted') {
            this.setState({ phase: 'reconnecting', error: end.error ?? this.current.error });
            this.scheduleRelist(generation);
          }
        },
      },
    );
    this.watchHandle = handle;
  }

  private scheduleRewatch(generation: number): void {
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (generation === this.generation) this.watch(generation, this.current.resourceVersion);
    }, this.backoff.next());
  }

  private scheduleRelist(generation: number): void {
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (generation === this.generation) void this.list(generation);
    }, this.backoff.next());
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private apply(event: WatchEvent<T>): void {
    const object = event.object as T;
    const resourceVersion = object.metadata?.resourceVersion;
    if (event.type === 'BOOKMARK') {
      this.setState({ resourceVersion, lastUpdate: this.now() }, false);
      return;
    }
    const key = objectKey(object);
    const previous = this.cache.get(key);
    if (event.type === 'DELETED') {
      this.cache.delete(key);
      this.current = { ...this.current, resourceVersion, lastUpdate: this.now() };
      this.emit({ type: 'deleted', object, previous });
      return;
    }
    this.cache.set(key, object);
    const now = this.now();
    this.current = { ...this.current, resourceVersion, lastUpdate: now };
    this.changed.set(key, now);
    if (this.changed.size > 256) {
      for (const [k, at] of this.changed) if (now - at > 60_000) this.changed.delete(k);
    }
    this.emit({ type: previous ? 'modified' : 'added', object, previous });
  }

  /** When a watch event last added or modified the object with this key (undefined: not recently). */
  changedAt(key: string): number | undefined {
    return this.changed.get(key);
  }

  private replaceCache(items: T[]): void {
    this.cache.clear();
    for (const item of items) this.cache.set(objectKey(item), item);
    this.emit({ type: 'sync' });
  }

  private setState(patch: Partial<InformerState>, notify = true): void {
    this.current = { ...this.current, ...patch };
    if (notify) this.emit({ type: 'state' });
  }

  private emit(change: InformerChange<T>): void {
    if (change.type !== 'state') this.itemsSnapshot = undefined;
    for (const listener of this.listeners) listener(change);
  }
}
