/**
 * One watch stream (KUBE-WIRE §5): initial ADDED events or a replay from the history, then live
 * events filtered by namespace and selectors (objects leaving / entering the selection become
 * DELETED / ADDED), optional bookmarks, a timeout, and ERROR 410 + close when the requested
 * resourceVersion is older than the history.
 */
import type { Status } from '../../../../components/src/core/kube/types.ts';
import { apiVersionOf } from '../../../../components/src/core/kube/resource.ts';
import { matchesFilter, type ObjectFilter } from '../api/filter.ts';
import { toTable, type TableOptions } from '../api/table.ts';
import type { Clock } from '../core/clock.ts';
import { errors } from '../core/errors.ts';
import { fromStorage, storageKey, type KObject, type ResourceDef } from '../registry/types.ts';
import type { ObjectStore, StoreEvent } from '../store/store.ts';
import { tooLargeResourceVersion } from './list-options.ts';
import type { WatchSink } from './sinks.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchSpec {
  def: ResourceDef;
  filter: ObjectFilter;
  /** The `resourceVersion` parameter as given; absent or "0" means "current state first". */
  resourceVersion: string | undefined;
  /** `sendInitialEvents` (watch-list): true → initial events then a bookmark marking their end. */
  sendInitialEvents: boolean | undefined;
  allowBookmarks: boolean;
  timeoutSeconds: number | undefined;
  /** Set when the client asked for Table output. */
  table: TableOptions | undefined;
}

export interface WatchEnvironment {
  store: ObjectStore;
  clock: Clock;
  bookmarkIntervalMs: number;
}

export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end';

/** How long a watch-list waits for a resourceVersion the store has not reached (the watch cache's 3 s). */
export const WATCH_LIST_FRESHNESS_WAIT_MS = 3000;

export class WatchSession {
  private closed = false;
  private unsubscribe: (() => void) | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private tableHeadersSent = false;

  constructor(
    private readonly env: WatchEnvironment,
    readonly spec: WatchSpec,
    private readonly sink: WatchSink,
    private readonly onEnd: (session: WatchSession) => void,
  ) {
    sink.onClose(() => this.cleanup());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  start(): void {
    // A watch-list waits (like the watch cache, up to 3 s) for the store to reach its resourceVersion.
    const wanted = this.spec.sendInitialEvents === true ? Number(this.spec.resourceVersion || 0) : 0;
    if (wanted > this.env.store.currentRv) this.awaitResourceVersion(wanted);
    else this.begin();
  }

  private awaitResourceVersion(wanted: number): void {
    const { store } = this.env;
    const finish = (): void => {
      clearTimeout(timer);
      unsubscribe();
      this.unsubscribe = undefined;
    };
    const unsubscribe = store.subscribe(() => {
      if (store.currentRv < wanted) return;
      finish();
      this.begin();
    });
    this.unsubscribe = unsubscribe;
    const timer = setTimeout(() => {
      finish();
      this.sendError(tooLargeResourceVersion(wanted, store.currentRv).status);
      this.stop();
    }, WATCH_LIST_FRESHNESS_WAIT_MS);
    timer.unref();
    this.timers.push(timer);
  }

  private begin(): void {
    const { store } = this.env;
    const { def, filter } = this.spec;
    const key = storageKey(def);
    const rv = this.spec.resourceVersion;
    const fromNow = rv === undefined || rv === '' || rv === '0';
    const initial = fromNow ? this.spec.sendInitialEvents !== false : this.spec.sendInitialEvents === true;

    if (initial) {
      for (const stored of store.list(key, filter.namespace)) {
        const object = fromStorage(def, stored);
        if (matchesFilter(def, filter, object)) this.send('ADDED', object);
      }
      // The end of the initial events is marked only for clients that take bookmarks.
      if (this.spec.sendInitialEvents && this.spec.allowBookmarks) this.sendBookmark(true);
    } else if (!fromNow) {
      const from = Number(rv);
      const history = store.eventsSince(from);
      if (!history.ok) {
        this.sendError(errors.expired(`too old resource version: ${from} (${history.oldest})`).status);
        this.stop();
        return;
      }
      for (const event of history.events) if (event.resource === key) this.deliver(event);
    }
    if (this.closed) return;
    this.unsubscribe = store.subscribe((event) => {
      if (event.resource === key) this.deliver(event);
    });
    if (this.spec.allowBookmarks && this.env.bookmarkIntervalMs > 0) {
      const timer = setInterval(() => this.sendBookmark(false), this.env.bookmarkIntervalMs);
      timer.unref();
      this.timers.push(timer);
    }
    if (this.spec.timeoutSeconds !== undefined && this.spec.timeoutSeconds > 0) {
      const timer = setTimeout(() => this.stop(), this.spec.timeoutSeconds * 1000);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** Ends the stream from the server side. */
  stop(): void {
    if (this.closed) return;
    this.sink.end();
    this.cleanup();
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
    this.onEnd(this);
  }

  private matches(object: KObject): boolean {
    return matchesFilter(this.spec.def, this.spec.filter, object);
  }

  private deliver(event: StoreEvent): void {
    const { def } = this.spec;
    const object = fromStorage(def, event.object);
    switch (event.type) {
      case 'ADDED':
        if (this.matches(object)) this.send('ADDED', object);
        return;
      case 'DELETED':
        if (this.matches(object)) this.send('DELETED', object);
        return;
      case 'MODIFIED': {
        const previous = event.previous ? fromStorage(def, event.previous) : undefined;
        const was = previous ? this.matches(previous) : true;
        const is = this.matches(object);
        if (was && is) this.send('MODIFIED', object);
        else if (!was && is) this.send('ADDED', object);
        else if (was && !is && previous) {
          // The previous content, stamped with this event's resourceVersion (as the watch cache does).
          const last: KObject = {
            ...previous,
            metadata: { ...previous.metadata, resourceVersion: String(event.rv) },
          };
          this.send('DELETED', last);
        }
        return;
      }
    }
  }

  private send(type: WatchEventType, object: KObject): void {
    if (this.closed) return;
    let payload: unknown = object;
    const table = this.spec.table;
    if (table) {
      payload = toTable(this.spec.def, [object], object.metadata.resourceVersion, this.env.clock.now(), {
        includeObject: table.includeObject,
        noHeaders: this.tableHeadersSent,
      });
      this.tableHeadersSent = true;
    }
    this.sink.write(JSON.stringify({ type, object: payload }));
  }

  private sendBookmark(initialEventsEnd: boolean): void {
    if (this.closed) return;
    const metadata: KObject['metadata'] = { resourceVersion: String(this.env.store.currentRv) };
    if (initialEventsEnd) metadata.annotations = { [INITIAL_EVENTS_END_ANNOTATION]: 'true' };
    const object = { kind: this.spec.def.kind, apiVersion: apiVersionOf(this.spec.def), metadata };
    this.sink.write(JSON.stringify({ type: 'BOOKMARK', object }));
  }

  private sendError(status: Status): void {
    this.sink.write(JSON.stringify({ type: 'ERROR', object: status }));
  }
}
