import type { HistoryRecord, HistoryStore } from '../metrics-sampler.js';

export interface IndexedDbHistoryOptions {
  /** Database name; one per cluster so that histories do not mix (default `keda-history`). */
  name?: string;
  /** Records older than this are deleted (default 24 h). */
  maxAgeMs?: number;
  /** At most this many records per object (newest kept; default 20 000 ≈ 5 h at 1 Hz for 1 metric + replicas). */
  maxRecordsPerObject?: number;
  /** Pruning runs after this many appended records (default 500). */
  pruneEvery?: number;
  now?: () => number;
  /** The IndexedDB factory (default `globalThis.indexedDB`). */
  factory?: IDBFactory;
}

const STORE = 'samples';
const BY_OBJECT_TIME = 'object_t';
const BY_TIME = 't';

interface Row {
  object: string;
  t: number;
  record: HistoryRecord;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * Recorded metric and replica samples in IndexedDB, so that a reload keeps the charts' history.
 * Bounded by age and by a count per object; pruned every `pruneEvery` appends and on `prune()`.
 */
export class IndexedDbHistory implements HistoryStore {
  readonly name: string;
  readonly maxAgeMs: number;
  readonly maxRecordsPerObject: number;
  private readonly pruneEvery: number;
  private readonly now: () => number;
  private readonly factory: IDBFactory | undefined;
  private db: Promise<IDBDatabase> | undefined;
  private sincePrune = 0;
  private readonly touched = new Set<string>();

  constructor(options: IndexedDbHistoryOptions = {}) {
    this.name = options.name ?? 'keda-history';
    this.maxAgeMs = options.maxAgeMs ?? 24 * 3600_000;
    this.maxRecordsPerObject = options.maxRecordsPerObject ?? 20_000;
    this.pruneEvery = options.pruneEvery ?? 500;
    this.now = options.now ?? (() => Date.now());
    this.factory = options.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  }

  /** Whether this environment has IndexedDB at all. */
  get available(): boolean {
    return this.factory !== undefined;
  }

  async append(records: readonly HistoryRecord[]): Promise<void> {
    if (!records.length) return;
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    for (const record of records) {
      const row: Row = { object: record.object, t: record.sample.t, record };
      store.add(row);
      this.touched.add(record.object);
    }
    await done(tx);
    this.sincePrune += records.length;
    if (this.sincePrune >= this.pruneEvery) await this.prune();
  }

  async load(object: string, sinceMs: number): Promise<HistoryRecord[]> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const range = IDBKeyRange.bound(
      [object, Math.max(sinceMs, this.now() - this.maxAgeMs)],
      [object, Infinity],
    );
    const rows = await promised(
      tx.objectStore(STORE).index(BY_OBJECT_TIME).getAll(range) as IDBRequest<Row[]>,
    );
    return rows.map((r) => r.record);
  }

  /** Deletes records past the age bound, then each recently written object's oldest beyond the count bound. */
  async prune(): Promise<void> {
    this.sincePrune = 0;
    const db = await this.open();
    const aged = db.transaction(STORE, 'readwrite');
    const store = aged.objectStore(STORE);
    const cursorRequest = store
      .index(BY_TIME)
      .openKeyCursor(IDBKeyRange.upperBound(this.now() - this.maxAgeMs, true));
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) return;
      store.delete(cursor.primaryKey);
      cursor.continue();
    };
    await done(aged);
    const objects = [...this.touched];
    this.touched.clear();
    for (const object of objects) await this.pruneObject(db, object);
  }

  private async pruneObject(db: IDBDatabase, object: string): Promise<void> {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const index = store.index(BY_OBJECT_TIME);
    const range = IDBKeyRange.bound([object, -Infinity], [object, Infinity]);
    const countRequest = index.count(range);
    countRequest.onsuccess = () => {
      let surplus = countRequest.result - this.maxRecordsPerObject;
      if (surplus <= 0) return;
      const oldest = index.openKeyCursor(range);
      oldest.onsuccess = () => {
        const cursor = oldest.result;
        if (!cursor || surplus <= 0) return;
        store.delete(cursor.primaryKey);
        surplus -= 1;
        cursor.continue();
      };
    };
    await done(tx);
  }

  /** Number of records kept for `object` (all ages). */
  async count(object: string): Promise<number> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const range = IDBKeyRange.bound([object, -Infinity], [object, Infinity]);
    return promised(tx.objectStore(STORE).index(BY_OBJECT_TIME).count(range));
  }

  /** Deletes every record (the database stays). */
  async clear(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).clear();
    await done(tx);
  }

  close(): void {
    const db = this.db;
    this.db = undefined;
    void db?.then((d) => d.close()).catch(() => undefined);
  }

  private open(): Promise<IDBDatabase> {
    if (this.db) return this.db;
    const factory = this.factory;
    if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
    this.db = new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(this.name, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { autoIncrement: true });
        store.createIndex(BY_OBJECT_TIME, ['object', 't']);
        store.createIndex(BY_TIME, 't');
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the schema: let it.
        db.onversionchange = () => db.close();
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${this.name} failed to open`));
      request.onblocked = () => reject(new Error(`IndexedDB ${this.name} is blocked by another tab`));
    });
    this.db.catch(() => {
      this.db = undefined;
    });
    return this.db;
  }
}
