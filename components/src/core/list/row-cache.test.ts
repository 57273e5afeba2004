import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowCache } from './row-cache.js';

test('builds a row once per object version and again when it goes stale', () => {
  let builds = 0;
  const cache = new RowCache(
    (o: { n: number }, now: number) => {
      builds += 1;
      return { n: o.n, builtAt: now };
    },
    (row) => (row.n === 2 ? row.builtAt + 1000 : Number.POSITIVE_INFINITY),
  );
  const a = { n: 1 };
  const b = { n: 2 };
  cache.get(a, 0);
  cache.get(a, 5000);
  assert.equal(builds, 1, 'same object, never stale');
  cache.get({ n: 1 }, 5000);
  assert.equal(builds, 2, 'a new version of the object is a new row');
  cache.get(b, 0);
  cache.get(b, 999);
  assert.equal(builds, 3);
  assert.equal(cache.get(b, 1000).builtAt, 1000, 'rebuilt once stale');
  assert.equal(builds, 4);
});

test('looks the related object up again only when the related objects changed, and rebuilds when it did', () => {
  let builds = 0;
  let lookups = 0;
  const cache = new RowCache((o: { n: number }, _now: number, load: { pods: number } | undefined) => {
    builds += 1;
    return { n: o.n, pods: load?.pods };
  });
  const related = (loads: Map<number, { pods: number }>) => ({
    version: loads,
    of: (o: { n: number }) => {
      lookups += 1;
      return loads.get(o.n);
    },
  });
  const a = { n: 1 };
  const first = new Map([[1, { pods: 2 }]]);
  assert.equal(cache.get(a, 0, related(first)).pods, 2);
  cache.get(a, 0, related(first));
  cache.get(a, 0, related(first));
  assert.deepEqual([builds, lookups], [1, 1], 'one lookup per version of the related objects');
  assert.equal(cache.get(a, 0, related(new Map(first))).pods, 2);
  assert.deepEqual([builds, lookups], [1, 2], 'same related object under a new version: the row stays');
  assert.equal(cache.get(a, 0, related(new Map([[1, { pods: 5 }]]))).pods, 5);
  assert.equal(builds, 2, 'a changed related object rebuilds the row');
  assert.equal(cache.get(a, 0).pods, undefined, 'no related objects any more');
  assert.equal(builds, 3);
});
