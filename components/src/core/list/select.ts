import { matchesQuery, type ParsedQuery } from './query.js';
import { naturalKey, sortRows, type SortSpec } from './sort.js';
import type { ColumnDefinition } from '../keda/printer-columns.js';

/** What every list row has, whatever the kind. */
export interface ListRowBase {
  key: string;
  name: string;
  /** Empty for cluster-scoped kinds. */
  namespace: string;
  resourceVersion: string | undefined;
}

/** How a kind's rows are filtered and sorted. */
export interface RowSelection<Row, Id extends string> {
  /** Values of a `key:` filter term for a row. */
  filterValues(row: Row, key: string): readonly string[];
  /** Texts a free word may match. */
  freeText(row: Row): readonly string[];
  sortValue(row: Row, column: Id): string | number | undefined;
}

/** Rows in the chosen namespaces (all when none) matching the query, sorted, ties by namespace/name. */
export function selectRows<Row extends ListRowBase, Id extends string>(
  rows: readonly Row[],
  selection: RowSelection<Row, Id>,
  options: { namespaces: readonly string[]; query: ParsedQuery; sort: SortSpec<Id> },
): Row[] {
  return filterRows(sortListRows(rows, selection, options.sort), selection, options);
}

/** Rows sorted by a column, ties by namespace then name. */
export function sortListRows<Row extends ListRowBase, Id extends string>(
  rows: readonly Row[],
  selection: RowSelection<Row, Id>,
  sort: SortSpec<Id>,
): Row[] {
  return sortRows(rows, sort, (row, column) => selection.sortValue(row, column), byNamespaceAndName);
}

const haystacks = new WeakMap<object, string>();

/** Rows in the chosen namespaces (all when none) matching the query, in their given order. */
export function filterRows<Row extends ListRowBase, Id extends string>(
  rows: readonly Row[],
  selection: RowSelection<Row, Id>,
  options: { namespaces: readonly string[]; query: ParsedQuery },
): Row[] {
  const namespaces = new Set(options.namespaces);
  if (namespaces.size === 0 && options.query.terms.length === 0) return [...rows];
  return rows.filter((row) => {
    if (namespaces.size > 0 && !namespaces.has(row.namespace)) return false;
    let haystack = haystacks.get(row);
    if (haystack === undefined) {
      haystack = selection.freeText(row).join('\n').toLowerCase();
      haystacks.set(row, haystack);
    }
    return matchesQuery(options.query, (key) => selection.filterValues(row, key), haystack);
  });
}

function byNamespaceAndName(row: ListRowBase): string {
  return `${naturalKey(row.namespace)}\u0000${naturalKey(row.name)}`;
}

/** Splits a KEDA comma-joined status field (`triggersTypes`, `authenticationsTypes`). */
export function splitList(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
}

/** A list column: its printer definition plus its CSS grid track (`minmax(<px>, <fr>)`). */
export interface ListColumn<Id extends string> extends ColumnDefinition<Id> {
  width: string;
}
