/**
 * Rows built from objects, kept until the object changes (the informer replaces an object on every
 * change, so identity is the version) or until the row says it goes stale (a cooldown ending).
 */
export class RowCache<T extends object, Row> {
  private cache = new WeakMap<T, { row: Row; staleAt: number }>();

  constructor(
    private readonly build: (object: T, now: number) => Row,
    /** When a row stops being true without its object changing (ms since epoch); Infinity if never. */
    private readonly staleAt: (row: Row) => number = () => Number.POSITIVE_INFINITY,
  ) {}

  get(object: T, now: number): Row {
    return this.entry(object, now).row;
  }

  /** The row and when it goes stale. */
  entry(object: T, now: number): { readonly row: Row; readonly staleAt: number } {
    const hit = this.cache.get(object);
    if (hit && now < hit.staleAt) return hit;
    const row = this.build(object, now);
    const entry = { row, staleAt: this.staleAt(row) };
    this.cache.set(object, entry);
    return entry;
  }
}
