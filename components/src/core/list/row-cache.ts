/**
 * Rows built from objects, kept until the object changes (the informer replaces an object on every
 * change, so identity is the version), until the related object it was built with changes (a
 * ScaledObject's HPA), or until the row says it goes stale (a cooldown ending).
 */
export class RowCache<T extends object, Row, R = never> {
  private cache = new WeakMap<T, { row: Row; staleAt: number; related: R | undefined }>();

  constructor(
    private readonly build: (object: T, now: number, related: R | undefined) => Row,
    /** When a row stops being true without its object changing (ms since epoch); Infinity if never. */
    private readonly staleAt: (row: Row) => number = () => Number.POSITIVE_INFINITY,
  ) {}

  get(object: T, now: number, related?: R): Row {
    return this.entry(object, now, related).row;
  }

  /** The row and when it goes stale. */
  entry(object: T, now: number, related?: R): { readonly row: Row; readonly staleAt: number } {
    const hit = this.cache.get(object);
    if (hit && now < hit.staleAt && hit.related === related) return hit;
    const row = this.build(object, now, related);
    const entry = { row, staleAt: this.staleAt(row), related };
    this.cache.set(object, entry);
    return entry;
  }
}
