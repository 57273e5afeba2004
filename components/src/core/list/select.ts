import { matchesQuery, type ParsedQuery } from './query.js';
import { compareText, sortRows, type SortSpec } from './sort.js';
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
  const namespaces = new Set(options.namespaces);
  const matching = rows.filter(
    (row) =>
      (namespaces.size === 0 || namespaces.has(row.namespace)) &&
      matchesQuery(options.query, (key) => selection.filterValues(row, key), selection.freeText(row)),
  );
  return sortRows(
    matching,
    options.sort,
    (row, column) => selection.sortValue(row, column),
    byNamespaceAndName,
  );
}

function byNamespaceAndName(a: ListRowBase, b: ListRowBase): number {
  return compareText(a.namespace, b.namespace) || compareText(a.name, b.name);
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
