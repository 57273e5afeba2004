import type { KubeObject } from '../kube/types.js';
import { narrows, valueMatches, type FilterTerm, type ParsedQuery } from './query.js';
import { RowCache, type Related } from './row-cache.js';
import { formatSort, naturalKey, sortRows, type SortSpec } from './sort.js';
import type { ListRowBase, RowSelection } from './select.js';

/** One cluster's objects of the listed kind. */
export interface ListSource<T, R = never> {
  cluster: string;
  items: readonly T[];
  /** The objects of another kind the rows show something of, in that cluster. */
  related?: Related<T, R>;
}

export type { Related } from './row-cache.js';

export interface ListRequest {
  /** Column id, `name`, `namespace` or `cluster` included. */
  sort: SortSpec<string>;
  query: ParsedQuery;
  /** Namespaces to keep; all when empty. */
  namespaces: readonly string[];
  /** Clusters to keep (besides `cluster:` terms); all when empty. */
  clusters: readonly string[];
}

export interface ListResult<T> {
  /** Every object of every source, in source order. */
  all: readonly T[];
  /** Every object, sorted (the filter not applied). */
  sorted: readonly T[];
  /** The objects to show, filtered and sorted. */
  shown: readonly T[];
}

export interface PipelineConfig<T, Row, Id extends string, R = never> {
  toRow(object: T, now: number, related: R | undefined): Row;
  rowStaleAt?(row: Row): number;
  selection: RowSelection<T, Row, Id>;
  /**
   * Columns whose values come from the related objects: sorting on one is redone when they
   * change. Filter values never come from them.
   */
  relatedColumns?: ReadonlySet<string>;
}

const METADATA_COLUMNS = new Set(['name', 'namespace', 'cluster']);
const RECENT_FILTERS = 8;

interface Filtered<T> {
  input: readonly T[];
  scope: string;
  query: ParsedQuery;
  validUntil: number;
  result: readonly T[];
  /** Search text of each result, in step with it (when free words were searched). */
  hay: ReadonlyArray<string | undefined> | undefined;
}

/**
 * Objects -> the rows a list shows, doing as little as it can: display rows are built only for the
 * objects a view asks for (the visible window), or for a sort or `key:value` term that needs them,
 * and are cached per object version. Sorting by name or namespace and searching free words read the
 * object's metadata only. The last sort is kept while the objects and the sort stay; a filter that
 * narrows the last one (typing `so-0` → `so-01`) filters the last result instead of everything, and
 * the last few filters of the same objects are kept (backspacing `so-012` → `so-01` finds it again).
 */
export class ListPipeline<T extends KubeObject, Row extends ListRowBase, Id extends string, R = never> {
  private readonly rows: RowCache<T, Row, R>;
  private related = new Map<string, Related<T, R>>();
  private readonly clusterOf = new WeakMap<T, string>();
  private readonly tieKeys = new WeakMap<T, string>();
  private readonly namespaceKeys = new Map<string, string>();
  private merged: { sources: ReadonlyArray<ListSource<T>>; items: readonly T[] } | undefined;
  private sorted:
    | { items: readonly T[]; sort: string; related: unknown[]; validUntil: number; result: readonly T[] }
    | undefined;
  /**
   * The last few filters of the same objects, by scope and terms, least recent first: the last
   * one is what a narrowing filter starts from; backspacing finds the others again.
   */
  private readonly recentFilters = new Map<string, Filtered<T>>();
  private haystacksMemo: { input: readonly T[]; hay: string[]; done: number } | undefined;
  private single = '';

  constructor(private readonly config: PipelineConfig<T, Row, Id, R>) {
    this.rows = new RowCache(config.toRow, config.rowStaleAt);
  }

  run(sources: ReadonlyArray<ListSource<T, R>>, request: ListRequest, now: number): ListResult<T> {
    const all = this.merge(sources);
    this.related = new Map(sources.flatMap((s) => (s.related ? [[s.cluster, s.related] as const] : [])));
    const sorted = this.sort(all, request.sort, now);
    return { all, sorted, shown: this.filter(sorted, request, now) };
  }

  /** The display row of an object (built once per version of the object and of its related one). */
  row(object: T, now: number): Row {
    return this.entry(object, now).row;
  }

  private entry(object: T, now: number): { readonly row: Row; readonly staleAt: number } {
    return this.rows.entry(object, now, this.related.get(this.cluster(object)));
  }

  /** The cluster an object came from. */
  cluster(object: T): string {
    return this.clusterOf.get(object) ?? this.single;
  }

  /** A key unique across clusters: `cluster` NUL `uid` (or `namespace/name` without a uid). */
  key(object: T): string {
    const { uid, namespace, name } = object.metadata;
    return `${this.cluster(object)}\u0000${uid ?? `${namespace ?? ''}/${name ?? ''}`}`;
  }

  private merge(sources: ReadonlyArray<ListSource<T, R>>): readonly T[] {
    const last = this.merged;
    if (
      last &&
      last.sources.length === sources.length &&
      last.sources.every((s, i) => s.items === sources[i]!.items && s.cluster === sources[i]!.cluster)
    ) {
      return last.items;
    }
    let items: readonly T[];
    if (sources.length === 1) {
      this.single = sources[0]!.cluster;
      items = sources[0]!.items;
    } else {
      this.single = '';
      const out: T[] = [];
      for (const source of sources) {
        for (const item of source.items) {
          this.clusterOf.set(item, source.cluster);
          out.push(item);
        }
      }
      items = out;
    }
    this.merged = { sources: sources.map((s) => ({ cluster: s.cluster, items: s.items })), items };
    return items;
  }

  private sort(items: readonly T[], spec: SortSpec<string>, now: number): readonly T[] {
    const key = formatSort(spec);
    const last = this.sorted;
    const related = this.config.relatedColumns?.has(spec.column)
      ? [...this.related.values()].map((r) => r.version)
      : [];
    if (
      last &&
      last.items === items &&
      last.sort === key &&
      now < last.validUntil &&
      sameValues(last.related, related)
    ) {
      return last.result;
    }
    let validUntil = Number.POSITIVE_INFINITY;
    let valueOf: (object: T) => string | number | undefined;
    if (METADATA_COLUMNS.has(spec.column)) {
      valueOf = (o) =>
        spec.column === 'name'
          ? (o.metadata.name ?? '')
          : spec.column === 'namespace'
            ? (o.metadata.namespace ?? '')
            : this.cluster(o);
    } else {
      valueOf = (o) => {
        const entry = this.entry(o, now);
        if (entry.staleAt < validUntil) validUntil = entry.staleAt;
        return this.config.selection.sortValue(entry.row, spec.column as Id);
      };
    }
    const result = sortRows(
      items,
      spec,
      (o) => valueOf(o),
      (o) => this.tieKey(o),
    );
    this.sorted = { items, sort: key, related, validUntil, result };
    return result;
  }

  private filter(input: readonly T[], request: ListRequest, now: number): readonly T[] {
    const { query } = request;
    if (query.terms.length === 0 && request.namespaces.length === 0 && request.clusters.length === 0) {
      return input;
    }
    const scope = `${request.namespaces.join(',')}\u0000${request.clusters.join(',')}`;
    let last: Filtered<T> | undefined;
    for (const filtered of this.recentFilters.values()) last = filtered;
    const recentKey = `${scope}\u0000${JSON.stringify(query.terms)}`;
    const recent = this.recentFilters.get(recentKey);
    if (recent && recent.input === input && now < recent.validUntil) return this.remember(recentKey, recent);
    let base = input;
    let baseHay: ReadonlyArray<string | undefined> | undefined;
    if (last && last.input === input && last.scope === scope && now < last.validUntil) {
      if (sameTerms(last.query.terms, query.terms)) return last.result;
      if (narrows(last.query, query)) {
        base = last.result;
        baseHay = last.hay;
      }
    }
    const namespaces = request.namespaces.length ? new Set(request.namespaces) : undefined;
    const clusters = request.clusters.length ? new Set(request.clusters) : undefined;
    const free = query.terms.filter((t) => t.key === undefined);
    const keyed = query.terms.filter((t) => t.key !== undefined);
    // Search text prepared in idle time (all of it or a prefix); past it, fields are read directly.
    if (free.length > 0 && !baseHay && base === input) baseHay = this.preparedHaystacks(input);
    if (keyed.length === 0 && !namespaces && !clusters && baseHay && this.hayCovers(base, baseHay, input)) {
      const { result, hay } = searchPrepared(base, baseHay as readonly string[], free);
      return this.remember(recentKey, {
        input,
        scope,
        query,
        validUntil: Number.POSITIVE_INFINITY,
        result,
        hay,
      });
    }
    let validUntil = Number.POSITIVE_INFINITY;
    const values = (object: T, key: string): readonly string[] => {
      switch (key) {
        case 'name':
          return [object.metadata.name ?? ''];
        case 'ns':
          return [object.metadata.namespace ?? ''];
        case 'cluster':
          return [this.cluster(object)];
        default: {
          const entry = this.entry(object, now);
          if (entry.staleAt < validUntil) validUntil = entry.staleAt;
          return this.config.selection.filterValues(entry.row, key);
        }
      }
    };
    const result: T[] = [];
    const hay: string[] = [];
    let hayComplete = free.length > 0;
    rows: for (let i = 0; i < base.length; i += 1) {
      const object = base[i]!;
      if (namespaces && !namespaces.has(object.metadata.namespace ?? '')) continue;
      if (clusters && !clusters.has(this.cluster(object))) continue;
      if (free.length > 0) {
        const haystack = baseHay?.[i];
        if (haystack !== undefined) {
          for (const term of free) if (haystack.includes(term.value) === term.negated) continue rows;
        } else {
          const fields = this.config.selection.searchText(object);
          for (const term of free) if (fieldsInclude(fields, term.value) === term.negated) continue rows;
        }
      }
      for (const term of keyed) {
        const hit = values(object, term.key!).some((v) => valueMatches(v.toLowerCase(), term.value));
        if (hit === term.negated) continue rows;
      }
      result.push(object);
      if (hayComplete) {
        const haystack = baseHay?.[i];
        if (haystack === undefined) hayComplete = false;
        else hay.push(haystack);
      }
    }
    return this.remember(recentKey, {
      input,
      scope,
      query,
      validUntil,
      result,
      hay: hayComplete ? hay : undefined,
    });
  }

  /** Makes `filtered` the most recent of the few kept (dropping those of other objects). */
  private remember(key: string, filtered: Filtered<T>): readonly T[] {
    const recent = this.recentFilters;
    recent.delete(key);
    for (const [k, f] of recent) if (f.input !== filtered.input) recent.delete(k);
    recent.set(key, filtered);
    if (recent.size > RECENT_FILTERS) recent.delete(recent.keys().next().value!);
    return filtered.result;
  }

  /**
   * Prepares the search text of the sorted objects ahead of the first keystroke, a slice at a time
   * while `hasTime()` (an idle deadline, say); returns true once all are ready.
   */
  prepareSearch(hasTime: () => boolean): boolean {
    const input = this.sorted?.result;
    if (!input) return true;
    const memo = this.haystacksMemo;
    if (memo && memo.input === input && memo.done === input.length) return true;
    const entry =
      memo && memo.input === input ? memo : { input, hay: new Array<string>(input.length), done: 0 };
    this.haystacksMemo = entry;
    while (entry.done < input.length && hasTime()) {
      const end = Math.min(input.length, entry.done + 500);
      for (let i = entry.done; i < end; i += 1) entry.hay[i] = this.haystack(input[i]!);
      entry.done = end;
    }
    return entry.done === input.length;
  }

  /** Whether `hay` holds the search text of every object of `base` (the last result's, or all prepared). */
  private hayCovers(
    base: readonly T[],
    hay: ReadonlyArray<string | undefined>,
    input: readonly T[],
  ): boolean {
    if (base !== input) return hay.length === base.length;
    const memo = this.haystacksMemo;
    return memo !== undefined && memo.input === input && memo.done === input.length;
  }

  /** The search text prepared so far for `input` (a prefix while idle time has not finished it). */
  private preparedHaystacks(input: readonly T[]): ReadonlyArray<string | undefined> | undefined {
    const memo = this.haystacksMemo;
    return memo && memo.input === input ? memo.hay : undefined;
  }

  private haystack(object: T): string {
    return this.config.selection.searchText(object).join('\n').toLowerCase();
  }

  /** Namespace, then name, then cluster, in natural order. */
  private tieKey(object: T): string {
    let key = this.tieKeys.get(object);
    if (key === undefined) {
      const namespace = object.metadata.namespace ?? '';
      let ns = this.namespaceKeys.get(namespace);
      if (ns === undefined) {
        ns = naturalKey(namespace);
        this.namespaceKeys.set(namespace, ns);
      }
      key = `${ns}\u0000${naturalKey(object.metadata.name ?? '')}\u0000${this.cluster(object)}`;
      this.tieKeys.set(object, key);
    }
    return key;
  }
}

/**
 * Free words against prepared search text only: the loop a keystroke runs over up to every row,
 * kept to indexed reads and `includes` so it is quick before the JIT has warmed up.
 */
function searchPrepared<T>(
  base: readonly T[],
  haystacks: readonly string[],
  terms: readonly FilterTerm[],
): { result: T[]; hay: string[] } {
  const needles = terms.map((t) => t.value);
  const negated = terms.map((t) => t.negated);
  const count = needles.length;
  const result: T[] = [];
  const hay: string[] = [];
  for (let i = 0; i < base.length; i += 1) {
    const haystack = haystacks[i]!;
    let keep = true;
    for (let j = 0; j < count; j += 1) {
      if (haystack.includes(needles[j]!) === negated[j]) {
        keep = false;
        break;
      }
    }
    if (keep) {
      result.push(base[i]!);
      hay.push(haystack);
    }
  }
  return { result, hay };
}

/** Whether any field contains `value` (lower case), case-insensitively: a haystack without the join. */
function fieldsInclude(fields: readonly string[], value: string): boolean {
  for (const field of fields) if (field.toLowerCase().includes(value)) return true;
  return false;
}

function sameTerms(a: readonly FilterTerm[], b: readonly FilterTerm[]): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => t.key === b[i]!.key && t.value === b[i]!.value && t.negated === b[i]!.negated)
  );
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
