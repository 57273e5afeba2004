import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  calculateQueueLengthAndMaxValue,
  countPendingJobs,
  countRunningJobs,
  effectiveMaxScale,
  isScaledJobActive,
  scaledJobPoll,
  selectedStrategy,
  type ScaledJobScalingSpec,
} from './scaled-job.js';

test('queue length and max value per scaler', () => {
  assert.deepEqual(calculateQueueLengthAndMaxValue([7, 3], 2, 100), { queueLength: 10, maxValue: 5 });
  assert.deepEqual(calculateQueueLengthAndMaxValue([500], 1, 100), { queueLength: 500, maxValue: 100 });
  assert.deepEqual(calculateQueueLengthAndMaxValue([5], 0, 100), { queueLength: 5, maxValue: 0 });
});

test('multipleScalersCalculation (KEDA unit-test cases)', () => {
  const scalers = [
    { queueLength: 20, maxValue: 20, isActive: true },
    { queueLength: 10, maxValue: 10, isActive: true },
    { queueLength: 2, maxValue: 2, isActive: false },
  ];
  const cases: Array<[string | undefined, number, number]> = [
    [undefined, 20, 20],
    ['max', 20, 20],
    ['min', 10, 10],
    ['avg', 15, 15],
    ['sum', 30, 30],
  ];
  for (const [calc, queue, max] of cases) {
    const r = isScaledJobActive(scalers, calc, 0, 100);
    assert.deepEqual([r.isActive, r.queueLength, r.maxValue], [true, queue, max], String(calc));
  }
  assert.equal(
    isScaledJobActive([{ queueLength: 0, maxValue: 0, isActive: false }], 'max', 0, 100).isActive,
    false,
  );
  assert.equal(isScaledJobActive([], 'max', 1, 100).isActive, true, 'minReplicaCount > 0 forces activity');
  assert.equal(
    isScaledJobActive([{ queueLength: 2.5, maxValue: 1.2, isActive: true }], 'max', 0, 100).maxValue,
    2,
  );
  assert.equal(
    isScaledJobActive([{ queueLength: 500, maxValue: 500, isActive: true }], 'sum', 0, 10).maxValue,
    10,
  );
});

test('strategies (same expectations as KEDA pkg/scaling/executor/scale_jobs_test.go)', () => {
  const custom = (deduction: number | undefined, percentage: string): ScaledJobScalingSpec => ({
    scalingStrategy: {
      strategy: 'custom',
      customScalingRunningJobPercentage: percentage,
      ...(deduction !== undefined ? { customScalingQueueLengthDeduction: deduction } : {}),
    },
  });
  const accurate: ScaledJobScalingSpec = { scalingStrategy: { strategy: 'accurate' } };
  const eager: ScaledJobScalingSpec = { scalingStrategy: { strategy: 'eager' } };
  type Args = [number, number, number, number, number];
  const cases: Array<[string, ScaledJobScalingSpec, Args, [number, number]]> = [
    ['default', {}, [3, 2, 0, 5, 1], [1, 1]],
    ['default', {}, [2, 0, 0, 5, 1], [2, 1]],
    ['custom 1/0.5', custom(1, '0.5'), [3, 2, 0, 5, 1], [1, 1]],
    ['custom 1/0.5', custom(1, '0.5'), [10, 0, 0, 10, 1], [9, 1]],
    ['custom unset → default', { scalingStrategy: { strategy: 'custom' } }, [3, 2, 0, 5, 1], [1, 1]],
    ['custom unset → default', { scalingStrategy: { strategy: 'custom' } }, [2, 0, 0, 5, 1], [2, 1]],
    ['custom 2/0', custom(2, '0'), [3, 2, 0, 5, 1], [1, 1]],
    ['custom -2/0 capped at max', custom(-2, '0'), [3, 2, 0, 4, 1], [4, 1]],
    ['custom nil deduction (2.20.2)', custom(undefined, '0.5'), [10, 2, 0, 100, 1], [9, 1]],
    ['custom nil deduction (2.20.2)', custom(undefined, '0.5'), [10, 0, 0, 100, 1], [10, 1]],
    ['accurate', accurate, [3, 2, 0, 5, 1], [3, 1]],
    ['accurate', accurate, [5, 2, 0, 5, 1], [3, 1]],
    ['accurate pending', accurate, [3, 4, 2, 10, 1], [1, 1]],
    ['accurate pending', accurate, [5, 4, 2, 5, 1], [1, 1]],
    ['accurate all pending', accurate, [3, 3, 3, 5, 1], [0, 1]],
    ['accurate all pending', accurate, [15, 15, 15, 20, 1], [0, 1]],
    ['accurate all pending', accurate, [10, 10, 10, 15, 1], [0, 1]],
    ['accurate partial pending', accurate, [20, 15, 10, 20, 1], [5, 1]],
    ['eager', eager, [4, 3, 0, 10, 1], [4, 10]],
    ['eager', eager, [4, 0, 3, 10, 1], [4, 10]],
    ['eager', eager, [4, 7, 0, 10, 1], [3, 10]],
    ['eager', eager, [4, 1, 6, 10, 1], [3, 10]],
    ['eager', eager, [15, 0, 0, 10, 1], [10, 10]],
  ];
  for (const [name, spec, [maxScale, running, pending, max, scaleTo], expected] of cases) {
    assert.deepEqual(
      effectiveMaxScale(spec, maxScale, running, pending, max, scaleTo),
      expected,
      `${name} ${[maxScale, running, pending, max]}`,
    );
  }
  assert.equal(selectedStrategy(custom(1, '')), 'default');
});

test('a poll: jobs to create, min replicas, inactive, errors and events', () => {
  const base = {
    triggers: [{ metricName: 's0-rabbitmq-jobs', values: [7], targetAverageValue: 1, isActive: true }],
  };
  const r = scaledJobPoll({ spec: { maxReplicaCount: 5 }, ...base, runningJobCount: 2, pendingJobCount: 0 });
  // maxScale = ceil(min(7/1, 5)) = 5; default: 5 - 2 = 3; scaleTo = 7 → 3 jobs
  assert.deepEqual([r.maxScale, r.effectiveMaxScale, r.scaleTo, r.jobsToCreate], [5, 3, 7, 3]);
  assert.deepEqual(
    r.events.map((e) => `${e.reason}: ${e.message}`),
    ['KEDAJobsCreated: Created 3 jobs', 'ScaledJobActive: Scaling is performed because triggers are active'],
  );

  const min = scaledJobPoll({
    spec: { minReplicaCount: 2, maxReplicaCount: 10 },
    triggers: [],
    runningJobCount: 0,
    pendingJobCount: 0,
  });
  assert.deepEqual([min.isActive, min.jobsToCreate], [true, 2]);

  const idle = scaledJobPoll({
    spec: {},
    triggers: [{ metricName: 'm', values: [0], targetAverageValue: 1, isActive: false }],
    runningJobCount: 0,
    pendingJobCount: 0,
    previousConditions: [{ type: 'Active', status: 'True' }],
  });
  assert.equal(idle.jobsToCreate, 0);
  assert.deepEqual(
    idle.events.map((e) => e.reason),
    ['ScaledJobInactive'],
  );

  const err = scaledJobPoll({
    spec: {},
    triggers: [{ metricName: 'm', values: [], targetAverageValue: 1, isActive: false, error: 'x' }],
    runningJobCount: 0,
    pendingJobCount: 0,
  });
  assert.deepEqual(err.conditions[0], {
    type: 'Ready',
    status: 'False',
    reason: 'TriggerError',
    message: 'Triggers defined in ScaledJob are not working correctly',
  });

  const eager = scaledJobPoll({
    spec: { maxReplicaCount: 10, scalingStrategy: { strategy: 'eager' } },
    triggers: [{ metricName: 'm', values: [3], targetAverageValue: 1, isActive: true }],
    runningJobCount: 4,
    pendingJobCount: 0,
  });
  // eager: min(10 - 4 - 0, 3) = 3, scaleTo = 10 → 3
  assert.equal(eager.jobsToCreate, 3);
});

test('running and pending Jobs', () => {
  const jobs = [
    { metadata: { name: 'a' }, status: { conditions: [{ type: 'Complete', status: 'True' }] } },
    { metadata: { name: 'b' }, status: {} },
    { metadata: { name: 'c' }, status: { conditions: [{ type: 'Failed', status: 'False' }] } },
  ];
  const pods = [
    {
      metadata: { labels: { 'job-name': 'b' } },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] },
    },
    { metadata: { labels: { 'job-name': 'c' } }, status: { phase: 'Pending' } },
  ];
  assert.equal(countRunningJobs(jobs), 2);
  assert.equal(countPendingJobs(jobs, pods), 1);
  assert.equal(countPendingJobs(jobs, pods, ['Ready']), 2);
});
