/**
 * The object store: every object of every kind, one cluster-wide resourceVersion counter and a
 * bounded history of change events for watches. It knows nothing about API semantics; the
 * service layer above decides what to write.
 */
import { clone } from '../core/json.ts';
import type { KObject } from '../registry/types.ts';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  /** Storage key of the resource (`group/plural`). */
  resource: string;
  /** The resourceVersion this change created. */
  rv: number;
  /** The new state (for DELETED: the last state, stamped with the deletion's RV). Read-only. */
  object: KObject;
  /** The state before a MODIFIED (needed to tell selector enter/leave apart). Read-only. */
  previous?: KObject;
}

export type StoreListener = (event: StoreEvent) => void;

export interface ObjectStoreOptions {
  /** Number of events kept for watches that resume from an older resourceVersion. */
  historySize: number;
  /** The counter starts here; the first write gets initialRv + 1. */
  initialRv?: number;
}

export type HistoryResult = { ok: true; events: StoreEvent[] } | { ok: false; oldest: number };

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export class ObjectStore {
  private readonly data = new Map<string, Map<string, KObject>>();
  private readonly listeners = new Set<StoreListener>();
  private readonly history: StoreEvent[] = [];
  private historyHead = 0;
  private rv: number;
  /** All events with rv > historyStart are in `history`. */
  private historyStart: number;
  private readonly historySize: number;

  constructor(options: ObjectStoreOptions) {
    this.historySize = Math.max(1, options.historySize);
    this.rv = options.initialRv ?? 0;
    this.historyStart = this.rv;
  }

  /** The latest resourceVersion (that of the last write). */
  get currentRv(): number {
    return this.rv;
  }

  /** Watches may resume from any RV >= this; older ones are expired (410). */
  get oldestResumableRv(): number {
    return this.historyStart;
  }

  get(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const found = this.data.get(resource)?.get(objectKey(namespace, name));
    return found ? clone(found) : undefined;
  }

  /** The stored object itself, not a copy (controllers' hot paths): never mutate it. */
  peek(resource: string, namespace: string | undefined, name: string): Readonly<KObject> | undefined {
    return this.data.get(resource)?.get(objectKey(namespace, name));
  }

  /**
   * The stored objects of a resource (optionally one namespace) themselves, not copies, in
   * insertion order (controllers' hot paths): never mutate them.
   */
  scan(resource: string, namespace?: string): readonly Readonly<KObject>[] {
    const bucket = this.data.get(resource);
    if (!bucket) return [];
    const out: KObject[] = [];
    for (const object of bucket.values()) {
      if (namespace === undefined || object.metadata.namespace === namespace) out.push(object);
    }
    return out;
  }

  has(resource: string, namespace: string | undefined, name: string): boolean {
    return this.data.get(resource)?.has(objectKey(namespace, name)) ?? false;
  }

  /** Copies of all objects of a resource (optionally one namespace), ordered by namespace/name. */
  list(resource: string, namespace?: string): KObject[] {
    const bucket = this.data.get(resource);
    if (!bucket) return [];
    const out: KObject[] = [];
    for (const object of bucket.values()) {
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      out.push(clone(object));
    }
    return out.sort(compareObjects);
  }

  /** Number of objects of a resource in a namespace (or all). */
  count(resource: string, namespace?: string): number {
    const bucket = this.data.get(resource);
    if (!bucket) return 0;
    if (namespace === undefined) return bucket.size;
    let n = 0;
    for (const object of bucket.values()) if (object.metadata.namespace === namespace) n++;
    return n;
  }

  /** Stores a new object, stamping its resourceVersion. Returns a copy of what was stored. */
  insert(resource: string, object: KObject): KObject {
    const name = object.metadata.name ?? '';
    const key = objectKey(object.metadata.namespace, name);
    let bucket = this.data.get(resource);
    if (!bucket) {
      bucket = new Map();
      this.data.set(resource, bucket);
    }
    if (bucket.has(key)) throw new Error(`store: ${resource} ${key} already exists`);
    const stored = this.stamp(object);
    bucket.set(key, stored);
    this.emit({ type: 'ADDED', resource, rv: this.rv, object: clone(stored) });
    return clone(stored);
  }

  /** Replaces an existing object, stamping a new resourceVersion. */
  replace(resource: string, object: KObject): KObject {
    const key = objectKey(object.metadata.namespace, object.metadata.name ?? '');
    const bucket = this.data.get(resource);
    const previous = bucket?.get(key);
    if (!bucket || !previous) throw new Error(`store: ${resource} ${key} does not exist`);
    const stored = this.stamp(object);
    bucket.set(key, stored);
    this.emit({ type: 'MODIFIED', resource, rv: this.rv, object: clone(stored), previous });
    return clone(stored);
  }

  /** Removes an object; the returned last state carries the deletion's new resourceVersion. */
  remove(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const bucket = this.data.get(resource);
    const key = objectKey(namespace, name);
    const previous = bucket?.get(key);
    if (!bucket || !previous) return undefined;
    bucket.delete(key);
    const last = this.stamp(previous);
    this.emit({ type: 'DELETED', resource, rv: this.rv, object: clone(last) });
    return clone(last);
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `rv` (all resources, oldest first), or the oldest resumable RV if `rv` is too old. */
  eventsSince(rv: number): HistoryResult {
    if (rv < this.historyStart) return { ok: false, oldest: this.historyStart };
    const events: StoreEvent[] = [];
    const n = this.history.length;
    for (let i = 0; i < n; i++) {
      const event = this.history[(this.historyHead + i) % n];
      if (event && event.rv > rv) events.push(event);
    }
    return { ok: true, events };
  }

  /**
   * Forgets the event history, like a compaction: the resourceVersion moves on by one (with no
   * event), so a watch from any RV issued before now, the current one included, gets 410.
   */
  expireHistory(): void {
    this.rv++;
    this.history.length = 0;
    this.historyHead = 0;
    this.historyStart = this.rv;
  }

  private stamp(object: KObject): KObject {
    this.rv++;
    const stored = clone(object);
    stored.metadata.resourceVersion = String(this.rv);
    return stored;
  }

  private emit(event: StoreEvent): void {
    this.record(event);
    for (const listener of [...this.listeners]) listener(event);
  }

  private record(event: StoreEvent): void {
    if (this.history.length < this.historySize) {
      this.history.push(event);
      return;
    }
    // Ring buffer: overwrite the oldest event.
    const dropped = this.history[this.historyHead];
    this.history[this.historyHead] = event;
    this.historyHead = (this.historyHead + 1) % this.historySize;
    if (dropped) this.historyStart = dropped.rv;
  }
}

/** Key order, as etcd returns it: namespace, then name (byte order). */
function compareObjects(a: KObject, b: KObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
