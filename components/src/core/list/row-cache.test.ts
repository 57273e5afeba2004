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
