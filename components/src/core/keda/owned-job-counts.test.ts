import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OwnedJobTally, ownedJobsSummary } from './owned-job-counts.js';
import type { JobLike } from './scaled-job-details-jobs.js';

type Phase = 'complete' | 'failed' | 'running' | 'pending' | 'suspended';

const job = (name: string, namespace: string, owner: string | undefined, phase: Phase): JobLike => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace, labels: owner ? { 'scaledjob.keda.sh/name': owner } : { app: 'other' } },
  spec: { suspend: phase === 'suspended' },
  status: {
    active: phase === 'running' ? 1 : 0,
    conditions:
      phase === 'complete'
        ? [{ type: 'Complete', status: 'True' }]
        : phase === 'failed'
          ? [
              { type: 'FailureTarget', status: 'True' },
              { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' },
            ]
          : [],
  },
});

test("a ScaledJob's Jobs: running counts every one not Complete or Failed, pending among them", () => {
  const jobs = [
    job('a', 'batch', 'export', 'running'),
    job('b', 'batch', 'export', 'running'),
    job('c', 'batch', 'export', 'pending'),
    job('d', 'batch', 'export', 'suspended'),
    job('e', 'batch', 'export', 'complete'),
    job('f', 'batch', 'export', 'failed'),
  ];
  assert.deepEqual(new OwnedJobTally().of(jobs, 'batch', 'export'), {
    running: 4,
    pending: 2,
    complete: 1,
    failed: 1,
  });
});

test('Jobs count for the ScaledJob of their label in their own namespace; unlabelled Jobs for none', () => {
  const jobs = [
    job('a', 'batch', 'export', 'running'),
    job('b', 'other', 'export', 'complete'),
    job('c', 'batch', 'import', 'failed'),
    job('d', 'batch', undefined, 'running'),
  ];
  const tally = new OwnedJobTally();
  assert.deepEqual(tally.of(jobs, 'batch', 'export'), { running: 1, pending: 0, complete: 0, failed: 0 });
  assert.deepEqual(tally.of(jobs, 'other', 'export'), { running: 0, pending: 0, complete: 1, failed: 0 });
  assert.deepEqual(tally.of(jobs, 'batch', 'import'), { running: 0, pending: 0, complete: 0, failed: 1 });
  assert.equal(tally.of(jobs, 'batch', 'nothing'), undefined);
});

test('counted again only for new Jobs; unchanged counts keep their object, changed ones get a new one', () => {
  const tally = new OwnedJobTally();
  const before = [job('a', 'batch', 'export', 'running'), job('b', 'batch', 'import', 'running')];
  const exportCounts = tally.of(before, 'batch', 'export');
  const importCounts = tally.of(before, 'batch', 'import');
  // The same array: nothing is counted again, even if a caller mutated an object in place.
  assert.equal(tally.of(before, 'batch', 'export'), exportCounts);

  const after = [job('a', 'batch', 'export', 'running'), job('b', 'batch', 'import', 'complete')];
  assert.equal(tally.of(after, 'batch', 'export'), exportCounts, 'export kept its object');
  const imported = tally.of(after, 'batch', 'import');
  assert.notEqual(imported, importCounts);
  assert.deepEqual(imported, { running: 0, pending: 0, complete: 1, failed: 0 });

  assert.equal(tally.of([], 'batch', 'export'), undefined, 'all Jobs gone');
});

test('the summary names the non-zero counts', () => {
  assert.equal(
    ownedJobsSummary({ running: 3, pending: 1, complete: 12, failed: 2 }),
    '3 running (1 pending), 12 complete, 2 failed',
  );
  assert.equal(ownedJobsSummary({ running: 0, pending: 0, complete: 4, failed: 0 }), '0 running, 4 complete');
  assert.equal(ownedJobsSummary(undefined), 'no Jobs');
});
