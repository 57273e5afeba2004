import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBulk } from './bulk.js';

test('every item gets an outcome in order; failures do not stop the others', async () => {
  const seen: number[] = [];
  const outcomes = await runBulk(
    [1, 2, 3, 4, 5],
    async (n) => {
      await new Promise((r) => setTimeout(r, (6 - n) * 2));
      if (n % 2 === 0) throw new Error(`no ${n}`);
    },
    { concurrency: 2, onSettled: (_o, done) => seen.push(done) },
  );
  assert.deepEqual(
    outcomes.map((o) => (o.ok ? `${o.item} ok` : `${o.item} ${(o.error as Error).message}`)),
    ['1 ok', '2 no 2', '3 ok', '4 no 4', '5 ok'],
  );
  assert.deepEqual(seen, [1, 2, 3, 4, 5]);
});

test('at most `concurrency` run at once', async () => {
  for (const concurrency of [1, 3, 10]) {
    let running = 0;
    let peak = 0;
    await runBulk(
      Array.from({ length: 7 }, (_, i) => i),
      async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1));
        running -= 1;
      },
      { concurrency },
    );
    assert.equal(peak, Math.min(concurrency, 7), `concurrency ${concurrency}`);
  }
  assert.deepEqual(await runBulk([], async () => undefined), []);
});
