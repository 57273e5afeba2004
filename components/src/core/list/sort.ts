export type SortDirection = 'asc' | 'desc';

export interface SortSpec<Id extends string> {
  column: Id;
  direction: SortDirection;
}

type Sortable = string | number | undefined;

/**
 * Sorts rows by one column, then by `tiebreak` (ascending), stably. Missing values sort last in
 * either direction, so unset fields never push real ones off the top. Keys are computed once per
 * row (text as a natural-order key), so 10,000 rows sort in a few milliseconds.
 */
export function sortRows<Row, Id extends string>(
  rows: readonly Row[],
  spec: SortSpec<Id>,
  valueOf: (row: Row, column: Id) => Sortable,
  tiebreak: (row: Row) => string,
): Row[] {
  const factor = spec.direction === 'asc' ? 1 : -1;
  // Columns such as the namespace or the trigger type repeat a few values over many rows.
  const keys = new Map<string, string>();
  const keyOf = (text: string) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = naturalKey(text);
      keys.set(text, key);
    }
    return key;
  };
  const decorated = rows.map((row, index) => {
    const value = valueOf(row, spec.column);
    return {
      row,
      index,
      value: typeof value === 'string' ? keyOf(value) : value,
      tie: tiebreak(row),
    };
  });
  decorated.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else if (a.value !== b.value) {
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value) < String(b.value)
            ? -1
            : 1;
      return order * factor;
    }
    return a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : a.index - b.index;
  });
  return decorated.map((d) => d.row);
}

/**
 * A key whose plain string order is a case-insensitive natural order: digit runs are padded so
 * `so-2` sorts before `so-10`.
 */
export function naturalKey(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let start = 0;
  for (let i = 0; i < lower.length; i += 1) {
    const code = lower.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    let end = i + 1;
    while (end < lower.length && lower.charCodeAt(end) >= 48 && lower.charCodeAt(end) <= 57) end += 1;
    out += lower.slice(start, i) + '000000000000'.slice(Math.min(12, end - i)) + lower.slice(i, end);
    start = end;
    i = end - 1;
  }
  return start === 0 ? lower : out + lower.slice(start);
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive comparison for one-off comparisons (sorting uses `naturalKey`). */
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
