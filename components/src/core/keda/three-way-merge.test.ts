import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonEqual, threeWayMerge } from './three-way-merge.js';

const base = {
  metadata: { name: 'o', labels: { a: '1' } },
  spec: { minReplicaCount: 0, maxReplicaCount: 5, triggers: [{ type: 'cpu', metadata: { value: '50' } }] },
};

test('changes on different fields merge', () => {
  const theirs = structuredClone(base);
  theirs.spec.maxReplicaCount = 10;
  theirs.metadata.labels.a = '2';
  const mine = structuredClone(base) as typeof base & { spec: { pollingInterval?: number } };
  mine.spec.minReplicaCount = 1;
  mine.spec.pollingInterval = 15;
  mine.spec.triggers[0]!.metadata.value = '70';
  const { merged, conflicts, applied } = threeWayMerge(base, theirs, mine);
  assert.deepEqual(conflicts, []);
  assert.deepEqual(merged, {
    metadata: { name: 'o', labels: { a: '2' } },
    spec: {
      minReplicaCount: 1,
      maxReplicaCount: 10,
      triggers: [{ type: 'cpu', metadata: { value: '70' } }],
      pollingInterval: 15,
    },
  });
  assert.deepEqual(applied, [
    ['spec', 'minReplicaCount'],
    ['spec', 'triggers'],
    ['spec', 'pollingInterval'],
  ]);
});

test('the same field changed differently is a conflict; mine is kept', () => {
  const theirs = structuredClone(base);
  theirs.spec.maxReplicaCount = 10;
  const mine = structuredClone(base);
  mine.spec.maxReplicaCount = 20;
  const { merged, conflicts } = threeWayMerge(base, theirs, mine);
  assert.deepEqual(conflicts, [{ path: ['spec', 'maxReplicaCount'], base: 5, theirs: 10, mine: 20 }]);
  assert.equal((merged as typeof base).spec.maxReplicaCount, 20);
});

test('deletions: mine removes a field theirs kept; theirs removes one mine kept', () => {
  const theirs = structuredClone(base) as Partial<typeof base>;
  delete (theirs as { metadata?: unknown }).metadata;
  const mine = structuredClone(base) as { spec: Partial<typeof base.spec> };
  delete mine.spec.minReplicaCount;
  const { merged, conflicts } = threeWayMerge(base, { ...theirs, metadata: base.metadata }, mine);
  assert.deepEqual(conflicts, []);
  assert.equal('minReplicaCount' in (merged as { spec: object }).spec, false);
});

test('arrays of different length changed on both sides conflict as a whole', () => {
  const theirs = structuredClone(base);
  theirs.spec.triggers.push({ type: 'memory', metadata: { value: '1' } });
  const mine = structuredClone(base);
  mine.spec.triggers = [];
  const { conflicts } = threeWayMerge(base, theirs, mine);
  assert.deepEqual(
    conflicts.map((c) => c.path),
    [['spec', 'triggers']],
  );
});

test('identical edits are not conflicts', () => {
  const theirs = structuredClone(base);
  theirs.spec.maxReplicaCount = 7;
  const { conflicts } = threeWayMerge(base, theirs, structuredClone(theirs));
  assert.deepEqual(conflicts, []);
  assert.ok(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }));
  assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
});
