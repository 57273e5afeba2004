/** Objects of another kind a row shows something of (a ScaledObject's HPA), found per object. */
export interface Related<T, R> {
  /** Changes identity whenever any related object does (the informer's items array). */
  readonly version: unknown;
  of(object: T): R | undefined;
}

interface Entry<Row, R> {
  readonly row: Row;
  readonly staleAt: number;
  /** The related object the row was built with, and the related objects' version it was last checked against. */
  readonly related: R | undefined;
  checked: unknown;
}

/**
 * Rows built from objects, kept until the object changes (the informer replaces an object on every
 * change, so identity is the version), until the related object it was built with changes (a
 * ScaledObject's HPA), or until the row says it goes stale (a cooldown ending). The related object
 * is looked up again only when the related objects have changed since the row was last asked for.
 */
export class RowCache<T extends object, Row, R = never> {
  private cache = new WeakMap<T, Entry<Row, R>>();

  constructor(
    private readonly build: (object: T, now: number, related: R | undefined) => Row,
    /** When a row stops being true without its object changing (ms since epoch); Infinity if never. */
    private readonly staleAt: (row: Row) => number = () => Number.POSITIVE_INFINITY,
  ) {}

  get(object: T, now: number, related?: Related<T, R>): Row {
    return this.entry(object, now, related).row;
  }

  /** The row and when it goes stale. */
  entry(object: T, now: number, related?: Related<T, R>): { readonly row: Row; readonly staleAt: number } {
    const hit = this.cache.get(object);
    const version = related?.version;
    if (hit && now < hit.staleAt && hit.checked === version) return hit;
    const current = related?.of(object);
    if (hit && now < hit.staleAt && hit.related === current) {
      hit.checked = version;
      return hit;
    }
    const row = this.build(object, now, current);
    const entry = { row, staleAt: this.staleAt(row), related: current, checked: version };
    this.cache.set(object, entry);
    return entry;
  }
}
