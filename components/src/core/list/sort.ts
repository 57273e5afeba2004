export type SortDirection = 'asc' | 'desc';

export interface SortSpec<Id extends string> {
  column: Id;
  direction: SortDirection;
}

type Sortable = string | number | undefined;

/**
 * Sorts rows by one column, then by `tiebreak` (ascending), stably. Missing values sort last in
 * either direction, so unset fields never push real ones off the top.
 */
export function sortRows<Row, Id extends string>(
  rows: readonly Row[],
  spec: SortSpec<Id>,
  valueOf: (row: Row, column: Id) => Sortable,
  tiebreak: (a: Row, b: Row) => number,
): Row[] {
  const factor = spec.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = valueOf(a, spec.column);
    const vb = valueOf(b, spec.column);
    if (va === undefined || vb === undefined) {
      if (va === vb) return tiebreak(a, b);
      return va === undefined ? 1 : -1;
    }
    const order =
      typeof va === 'number' && typeof vb === 'number' ? va - vb : compareText(String(va), String(vb));
    return order !== 0 ? order * factor : tiebreak(a, b);
  });
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** `name` / `-age` in a URL <-> a SortSpec; unknown columns give undefined. */
export function parseSort<Id extends string>(
  text: string | null | undefined,
  columns: readonly Id[],
): SortSpec<Id> | undefined {
  if (!text) return undefined;
  const direction: SortDirection = text.startsWith('-') ? 'desc' : 'asc';
  const column = text.replace(/^-/, '') as Id;
  return columns.includes(column) ? { column, direction } : undefined;
}

export function formatSort<Id extends string>(spec: SortSpec<Id>): string {
  return `${spec.direction === 'desc' ? '-' : ''}${spec.column}`;
}
