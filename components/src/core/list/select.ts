import type { ColumnDefinition } from '../keda/printer-columns.js';

/** What every list row has, whatever the kind. */
export interface ListRowBase {
  key: string;
  name: string;
  /** Empty for cluster-scoped kinds. */
  namespace: string;
  resourceVersion: string | undefined;
}

/**
 * How a kind's objects are searched, filtered and sorted. Free words search text taken straight
 * from the object (no row needed); `key:value` terms and sorting on a column use the row.
 * `name`, `ns` and `cluster` terms and the name and namespace columns never need a row.
 */
export interface RowSelection<T, Row, Id extends string> {
  /** Texts a free word may match (name, namespace, …), read from the object. */
  searchText(object: T): readonly string[];
  /** Values of a `key:` filter term for a row. */
  filterValues(row: Row, key: string): readonly string[];
  sortValue(row: Row, column: Id): string | number | undefined;
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
