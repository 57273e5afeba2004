/** The result of one object's part in a bulk action. */
export type BulkOutcome<T> = { item: T; ok: true } | { item: T; ok: false; error: unknown };

/**
 * Runs `action` on every item, at most `concurrency` at a time, and reports each item's outcome in
 * the items' order; one failure never stops the others. `onSettled` hears each outcome as it comes.
 */
export async function runBulk<T>(
  items: readonly T[],
  action: (item: T) => Promise<unknown>,
  options: { concurrency?: number; onSettled?: (outcome: BulkOutcome<T>, done: number) => void } = {},
): Promise<Array<BulkOutcome<T>>> {
  const outcomes: Array<BulkOutcome<T>> = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index]!;
      let outcome: BulkOutcome<T>;
      try {
        await action(item);
        outcome = { item, ok: true };
      } catch (error) {
        outcome = { item, ok: false, error };
      }
      outcomes[index] = outcome;
      done += 1;
      options.onSettled?.(outcome, done);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}
