/**
 * Which rows of a list are checked (by row key), and the anchor a shift-click extends from.
 * Immutable: every change returns a new value.
 */
export interface Checked {
  readonly keys: ReadonlySet<string>;
  readonly anchor: string | undefined;
}

export const NOTHING_CHECKED: Checked = { keys: new Set(), anchor: undefined };

/** Flips one row; it becomes the anchor of the next shift-click. */
export function toggleKey(checked: Checked, key: string): Checked {
  const keys = new Set(checked.keys);
  if (keys.has(key)) keys.delete(key);
  else keys.add(key);
  return { keys, anchor: key };
}

/**
 * Shift-click: every row from the anchor to `key` (in the shown order, both ends included) takes
 * the state the clicked row flips to. Without an anchor among the shown rows, flips `key` alone.
 */
export function extendTo(checked: Checked, key: string, order: readonly string[]): Checked {
  const from = checked.anchor === undefined ? -1 : order.indexOf(checked.anchor);
  const to = order.indexOf(key);
  if (from < 0 || to < 0) return toggleKey(checked, key);
  const on = !checked.keys.has(key);
  const keys = new Set(checked.keys);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i += 1) {
    if (on) keys.add(order[i]!);
    else keys.delete(order[i]!);
  }
  return { keys, anchor: key };
}

/** Checks (or unchecks) every one of `keys`, leaving other checked rows alone. */
export function setKeys(checked: Checked, keys: readonly string[], on: boolean): Checked {
  const next = new Set(checked.keys);
  for (const key of keys) {
    if (on) next.add(key);
    else next.delete(key);
  }
  return { keys: next, anchor: checked.anchor };
}

/** The header checkbox: whether none, some or all of the shown rows are checked. */
export function coverage(checked: Checked, shown: readonly string[]): 'none' | 'some' | 'all' {
  if (checked.keys.size === 0 || shown.length === 0) return 'none';
  let count = 0;
  for (const key of shown) if (checked.keys.has(key)) count += 1;
  return count === 0 ? 'none' : count === shown.length ? 'all' : 'some';
}

/** Forgets rows that are gone (deleted objects); the same value when nothing changed. */
export function keepPresent(checked: Checked, present: (key: string) => boolean): Checked {
  let gone = false;
  for (const key of checked.keys) if (!present(key)) gone = true;
  if (!gone) return checked;
  const keys = new Set([...checked.keys].filter(present));
  return {
    keys,
    anchor: checked.anchor !== undefined && present(checked.anchor) ? checked.anchor : undefined,
  };
}
